namespace LoginGuard.IntegrationTests.Infrastructure;

public sealed class RedisServerTests
{
    [Fact]
    public async Task A_test_gets_its_own_redis_that_can_go_down_and_come_back_on_the_same_port()
    {
        await using var redis = await RedisServer.StartAsync();
        var port = redis.Port;

        redis.Stop();
        var refused = async () =>
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
        };
        await refused.Should().ThrowAsync<System.Net.Sockets.SocketException>();

        await redis.RestartAsync();
        redis.Port.Should().Be(port);
    }
}
