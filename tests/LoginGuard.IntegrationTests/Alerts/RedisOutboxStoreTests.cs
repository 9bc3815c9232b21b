using LoginGuard.Alerts;
using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LoginGuard.IntegrationTests.Alerts;

public sealed class RedisOutboxStoreTests(RedisFixture redis) : OutboxStoreContract, IClassFixture<RedisFixture>
{
    internal override IOutboxStore CreateStore()
    {
        var hasher = new KeyedHasher(Options.Create(new PrivacyOptions()), NullLogger<KeyedHasher>.Instance);
        var options = new AlertOutboxOptions { Lease = OutboxOptions.Lease };
        return new RedisOutboxStore(redis.Connection, new RedisKeys(RedisFixture.NewPrefix()), hasher, Options.Create(options), Options.Create(Throttle), Clock);
    }

    [Fact]
    public async Task Every_key_it_writes_expires()
    {
        var store = CreateStore();
        await store.EnqueueAsync(AlertFor("n1", AlertKind.NewDevice), default);
        var claimed = await store.ClaimDueAsync(1, default);
        await store.MarkFailedAsync(claimed[0].Alert.AlertId, "smtp-550: refused", default);

        var server = redis.Connection.GetServers()[0];
        var keys = server.Keys(pattern: "t*").ToList();
        keys.Should().NotBeEmpty();
        foreach (var key in keys)
        {
            (await redis.Connection.GetDatabase().KeyTimeToLiveAsync(key)).Should().NotBeNull($"{key} must not outlive the retention");
        }
    }
}
