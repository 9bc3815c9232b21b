using System.Diagnostics;
using LoginGuard.Contracts;
using LoginGuard.State;
using LoginGuard.Testing;
using LoginGuard.Testing.State;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.State;

public sealed class RedisOutageTests : IAsyncLifetime
{
    private static readonly StateOptions Options = new();
    private RedisServer server = null!;
    private ConnectionMultiplexer redis = null!;
    private IBehaviorStore store = null!;

    public async Task InitializeAsync()
    {
        server = await RedisServer.StartAsync(persistent: true);
        redis = RedisConnection.Connect(server.Configuration);
        store = new RedisBehaviorStore(redis, new RedisKeys("outage:"), new StaticOptionsMonitor<StateOptions>(Options));
    }

    public async Task DisposeAsync()
    {
        await redis.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Fails_while_Redis_is_down_and_carries_on_losing_nothing_once_it_is_back()
    {
        var before = Enumerable.Range(0, 20).Select(i => Event(i)).ToList();
        foreach (var enriched in before)
        {
            (await Record(enriched)).Should().BeTrue();
        }

        server.Stop();
        var load = async () => await store.LoadAsync(Event(20), default);
        var record = async () => await Record(Event(20));
        (await load.Should().ThrowAsync<Exception>()).Which.Should().Match(e => e is RedisConnectionException || e is RedisTimeoutException);
        (await record.Should().ThrowAsync<Exception>()).Which.Should().Match(e => e is RedisConnectionException || e is RedisTimeoutException);

        await server.RestartAsync();
        await UntilRedisAnswersAsync();

        // The restarted server has lost its script cache; the store loads the scripts again by itself.
        (await Record(Event(20))).Should().BeTrue();
        foreach (var enriched in before)
        {
            (await Record(enriched)).Should().BeFalse("every event recorded before the outage is still known");
        }

        var snapshot = await store.LoadAsync(Event(21), default);
        snapshot.Learner.SuccessfulLogins.Should().Be(14);
        snapshot.Learner.Failures.Should().HaveCount(7);
        snapshot.Address.Failures.Should().HaveCount(7);
    }

    [Fact]
    public async Task Loads_its_scripts_again_when_Redis_has_forgotten_them()
    {
        (await Record(Event(0))).Should().BeTrue();

        await using (var admin = await ConnectionMultiplexer.ConnectAsync(server.Configuration + ",allowAdmin=true"))
        {
            await admin.GetServers()[0].ScriptFlushAsync();
        }

        (await Record(Event(1))).Should().BeTrue();
        (await Record(Event(2))).Should().BeTrue();
    }

    private async Task<bool> Record(EnrichedEvent enriched) =>
        await store.RecordAsync(enriched, BehaviorStoreContract.DecisionFor(enriched), default);

    /// <summary>Every third event a failed sign-in, so the outage also covers the address and network sets.</summary>
    private static EnrichedEvent Event(int i) => Learners.From(
        Learners.Event("ana", i % 3 == 2 ? AuthEventType.LoginFailed : AuthEventType.LoginSucceeded, Learners.Laptop, Learners.Start.AddMinutes(i), $"outage-{i}"),
        Learners.Lyon,
        "addr-outage");

    private async Task UntilRedisAnswersAsync()
    {
        var waited = Stopwatch.StartNew();
        while (!redis.IsConnected && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }

        redis.IsConnected.Should().BeTrue("the multiplexer reconnects by itself");
    }
}
