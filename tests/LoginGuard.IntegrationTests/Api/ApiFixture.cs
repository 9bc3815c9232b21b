namespace LoginGuard.IntegrationTests.Api;

/// <summary>One redis-server and one worker with its API for a test class; tests keep to learners of their own.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;

    internal ApiWorker Worker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        Worker = await ApiWorker.StartAsync(Redis);
    }

    public async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
