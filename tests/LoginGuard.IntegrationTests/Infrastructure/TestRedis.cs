namespace LoginGuard.IntegrationTests.Infrastructure;

/// <summary>
/// One redis-server for the tests that start <c>run</c> without caring about Redis themselves: <c>run</c> refuses
/// to start without it. Each worker keeps to its own key prefix; the server lives as long as the test process.
/// </summary>
internal static class TestRedis
{
    private static readonly Lazy<RedisServer> Server = new(() =>
    {
        var server = RedisServer.StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    });

    public static string Configuration => Server.Value.Configuration;
}
