using LoginGuard.Activity;
using LoginGuard.Alerts.Outbox;
using LoginGuard.IntegrationTests.Activity;
using LoginGuard.IntegrationTests.Alerts;
using LoginGuard.IntegrationTests.Feedback;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Privacy;
using LoginGuard.State;
using LoginGuard.Testing;
using LoginGuard.Testing.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LoginGuard.IntegrationTests.Cluster;

// Every store that keeps state in Redis keeps its contract on a Redis Cluster: each script's keys share one slot,
// and reads spread over the masters.
[Collection(RedisClusterCollection.Name)]
public sealed class ClusterBehaviorStoreTests(RedisClusterFixture redis) : BehaviorStoreContract
{
    internal override IBehaviorStore CreateStore(StateOptions options) =>
        new RedisBehaviorStore(redis.Connection, new RedisKeys(RedisFixture.NewPrefix()), new StaticOptionsMonitor<StateOptions>(options));
}

[Collection(RedisClusterCollection.Name)]
public sealed class ClusterActivityLogTests(RedisClusterFixture redis) : ActivityLogContract
{
    private readonly string prefix = RedisFixture.NewPrefix();

    internal override IActivityLog CreateLog() =>
        new RedisActivityLog(redis.Connection, new RedisKeys(prefix), new StaticOptionsMonitor<ActivityOptions>(Options), Clock);
}

[Collection(RedisClusterCollection.Name)]
public sealed class ClusterOutboxStoreTests(RedisClusterFixture redis) : OutboxStoreContract
{
    internal override IOutboxStore CreateStore() => new RedisOutboxStore(
        redis.Connection,
        new RedisKeys(RedisFixture.NewPrefix()),
        new KeyedHasher(Options.Create(new PrivacyOptions()), NullLogger<KeyedHasher>.Instance),
        Options.Create(new AlertOutboxOptions { Lease = OutboxOptions.Lease }),
        Options.Create(Throttle),
        Options.Create(Suspicion),
        Clock);
}

[Collection(RedisClusterCollection.Name)]
public sealed class ClusterFeedbackStoreTests(RedisClusterFixture redis) : FeedbackStoreContract
{
    internal override StackExchange.Redis.IConnectionMultiplexer Redis => redis.Connection;
}
