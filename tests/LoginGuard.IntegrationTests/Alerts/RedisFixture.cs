using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.Alerts;

/// <summary>One redis-server for a test class; each test keeps to its own key prefix.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public IConnectionMultiplexer Connection { get; private set; } = null!;

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
}
