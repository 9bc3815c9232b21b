using LoginGuard.Alerts;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LoginGuard.IntegrationTests.Alerts;

public sealed class RedisOutboxStoreTests(RedisFixture redis) : OutboxStoreContract, IClassFixture<RedisFixture>
{
    internal override IOutboxStore CreateStore() => CreateStore(RedisFixture.NewPrefix());

    [Fact]
    public async Task A_restarted_worker_sends_the_summary_of_a_window_the_stopped_one_left_open_once()
    {
        var prefix = RedisFixture.NewPrefix();
        var before = CreateStore(prefix);
        await before.EnqueueAsync(AlertFor("n1", AlertKind.NewDevice, at: Monday), default);
        await before.EnqueueAsync(AlertFor("n2", AlertKind.NewDevice, at: Monday.AddMinutes(1)), default);
        await before.MarkSentAsync((await before.ClaimDueAsync(10, default)).Single(), default);
        Clock.Advance(Throttle.Window);

        var (after, other) = (CreateStore(prefix), CreateStore(prefix));
        var closed = await Task.WhenAll(after.CloseWindowsAsync(Clock.GetUtcNow(), default), other.CloseWindowsAsync(Clock.GetUtcNow(), default));

        closed.Sum().Should().Be(1, "two workers closing the same window queue one summary");
        (await after.EnqueueAsync(AlertFor("n2", AlertKind.NewDevice, at: Monday.AddMinutes(1)), default)).Should().Be(EnqueueOutcome.Duplicate);
        (await after.ClaimDueAsync(10, default)).Should().ContainSingle().Which.Alert.Summarizes!.Single().Event.EventId.Should().Be("n2");
    }

    private RedisOutboxStore CreateStore(string prefix)
    {
        var hasher = new KeyedHasher(Options.Create(new PrivacyOptions()), NullLogger<KeyedHasher>.Instance);
        var options = new AlertOutboxOptions { Lease = OutboxOptions.Lease };
        return new RedisOutboxStore(
            redis.Connection, new RedisKeys(prefix), hasher, Options.Create(options), Options.Create(Throttle), Options.Create(Suspicion), Clock);
    }

    [Fact]
    public async Task Every_key_it_writes_expires()
    {
        var store = CreateStore();
        await store.EnqueueAsync(AlertFor("n1", AlertKind.NewDevice), default);
        await store.EnqueueAsync(AlertFor("n2", AlertKind.NewDevice, at: Monday.AddMinutes(1)), default);
        await store.EnqueueAsync(Suspicious("s1", Incident.BruteForce, Monday), default);
        var claimed = await store.ClaimDueAsync(1, default);
        await store.MarkFailedAsync(claimed[0], "smtp-550: refused", default);

        var server = redis.Connection.GetServers()[0];
        var keys = server.Keys(pattern: "t*").ToList();
        keys.Should().NotBeEmpty();
        foreach (var key in keys)
        {
            (await redis.Connection.GetDatabase().KeyTimeToLiveAsync(key)).Should().NotBeNull($"{key} must not outlive the retention");
        }
    }
}
