using LoginGuard.Testing;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.State;

/// <summary>One redis-server and multiplexer per test class; every store it makes gets a key prefix of its own.</summary>
public sealed class RedisStateFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public ConnectionMultiplexer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RedisServer.StartAsync();
        Redis = RedisConnection.Connect(Server.Configuration);
    }

    public async Task DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Server.DisposeAsync();
    }

    internal (RedisBehaviorStore Store, RedisKeys Keys, string Prefix) Create(StateOptions options)
    {
        var prefix = $"t{Guid.NewGuid():N}:";
        var keys = new RedisKeys(prefix);
        return (new RedisBehaviorStore(Redis, keys, new StaticOptionsMonitor<StateOptions>(options)), keys, prefix);
    }

    /// <summary>Every key under a prefix, as an operator's SCAN would find them.</summary>
    internal static async Task<List<RedisKey>> KeysAsync(ConnectionMultiplexer redis, string pattern)
    {
        var keys = new List<RedisKey>();
        await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: pattern, pageSize: 1000))
        {
            keys.Add(key);
        }

        return keys;
    }
}
