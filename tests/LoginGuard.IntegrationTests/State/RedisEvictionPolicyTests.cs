using LoginGuard.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.State;

public sealed class RedisEvictionPolicyTests
{
    [Fact]
    public async Task Warns_the_operator_at_start_up_when_redis_may_evict_learners_state()
    {
        await using var server = await RedisServer.StartAsync();
        await using (var admin = await ConnectionMultiplexer.ConnectAsync(server.Configuration + ",allowAdmin=true"))
        {
            await admin.GetServers()[0].ConfigSetAsync("maxmemory-policy", "allkeys-lru");
        }

        var log = await CheckAsync(server);

        log.Collector.GetSnapshot().Should().ContainSingle(record => record.Id.Id == EventIds.RedisEvictionPossible)
            .Which.Message.Should().Contain("allkeys-lru").And.Contain("noeviction");
    }

    [Fact]
    public async Task Says_nothing_when_redis_refuses_writes_rather_than_evicting()
    {
        await using var server = await RedisServer.StartAsync();

        var log = await CheckAsync(server);

        log.Collector.GetSnapshot().Should().NotContain(record => record.Id.Id == EventIds.RedisEvictionPossible || record.Id.Id == EventIds.RedisPolicyUnchecked);
    }

    private static async Task<FakeLoggerProvider> CheckAsync(RedisServer server)
    {
        var log = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(log));
        await using var redis = RedisConnection.Connect(server.Configuration);
        using var check = new RedisEvictionPolicyCheck(redis, factory.CreateLogger<RedisEvictionPolicyCheck>());
        await check.StartAsync(CancellationToken.None);
        await check.ExecuteTask!;
        return log;
    }
}
