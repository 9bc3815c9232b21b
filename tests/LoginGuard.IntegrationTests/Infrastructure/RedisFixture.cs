using LoginGuard.State;
using LoginGuard.Testing;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.Infrastructure;

/// <summary>One redis-server and multiplexer per test class; each test keeps to a key prefix of its own.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public static string NewPrefix() => $"t{Guid.NewGuid():N}:";

    public async Task InitializeAsync()
    {
        Server = await RedisServer.StartAsync();
        Connection = RedisConnection.Connect(Server.Configuration);
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>A behavior store under a prefix of its own, with the keys it writes.</summary>
    internal (RedisBehaviorStore Store, RedisKeys Keys, string Prefix) CreateBehaviorStore(StateOptions options)
    {
        var prefix = NewPrefix();
        var keys = new RedisKeys(prefix);
        return (new RedisBehaviorStore(Connection, keys, new StaticOptionsMonitor<StateOptions>(options)), keys, prefix);
    }

    /// <summary>Every key matching a pattern, as an operator's SCAN would find them.</summary>
    internal static async Task<List<RedisKey>> KeysAsync(IConnectionMultiplexer redis, string pattern)
    {
        var keys = new List<RedisKey>();
        await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: pattern, pageSize: 1000))
        {
            keys.Add(key);
        }

        return keys;
    }
}
