using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.Ingestion;
using LoginGuard.IntegrationTests.Api;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Pipeline;
using LoginGuard.State;
using LoginGuard.Testing;
using LoginGuard.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.IntegrationTests.Privacy;

/// <summary>
/// A rotation of <c>Privacy:HashKey</c> as the security team does it after a leak: every worker restarted with a new key and
/// the old one under <c>Privacy:PreviousHashKeys</c>. Learners must not all be told their own laptop is a new device.
/// </summary>
public sealed class HashKeyRotationTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly string OldKey = Convert.ToBase64String(Enumerable.Repeat((byte)3, 32).ToArray());
    private static readonly string NewKey = Convert.ToBase64String(Enumerable.Repeat((byte)9, 32).ToArray());

    [Fact]
    public async Task After_a_rotation_a_learners_laptop_and_phone_are_still_known_a_new_tablet_is_new_and_their_history_moves_to_the_new_key()
    {
        const string Tablet = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
        var prefix = RedisFixture.NewPrefix();
        string underOldKey;
        await using (var before = await ApiWorker.StartAsync(redis.Server, settings: worker => UnderOldKey(worker, prefix)))
        {
            await before.ProcessAsync(AuthEvents.Of("evt-zoe-1", "login.succeeded", ApiWorker.At(TimeSpan.FromDays(9)), "zoe"));
            await before.ProcessAsync(AuthEvents.Of("evt-zoe-2", "login.succeeded", ApiWorker.At(TimeSpan.FromDays(5)), "zoe", userAgent: AuthEvents.Phone));
            underOldKey = before.LearnerKey("zoe");
        }

        await using var after = await ApiWorker.StartAsync(redis.Server, settings: worker => UnderNewKey(worker, prefix));
        var phone = await after.ProcessAsync(AuthEvents.Of("evt-zoe-3", "login.succeeded", ApiWorker.At(TimeSpan.FromHours(3)), "zoe", userAgent: AuthEvents.Phone));
        var laptop = await after.ProcessAsync(AuthEvents.Of("evt-zoe-4", "login.succeeded", ApiWorker.At(TimeSpan.FromHours(2)), "zoe"));
        var tablet = await after.ProcessAsync(AuthEvents.Of("evt-zoe-5", "login.succeeded", ApiWorker.At(TimeSpan.FromHours(1)), "zoe", userAgent: Tablet));

        phone.Alerts.Should().BeEmpty("zoe's phone was known under the previous key");
        phone.Reasons.Should().NotContain(r => r.Rule.StartsWith("new-", StringComparison.Ordinal), "neither her phone nor her address is new");
        laptop.Alerts.Should().BeEmpty();
        laptop.Reasons.Should().NotContain(r => r.Rule.StartsWith("new-", StringComparison.Ordinal));
        tablet.Reasons.Should().Contain(r => r.Rule == RuleIds.NewDevice);
        tablet.Alerts.Should().Equal(AlertKind.NewDevice);

        var underNewKey = after.LearnerKey("zoe");
        underNewKey.Should().NotBe(underOldKey);
        (await redis.Connection.GetDatabase().KeyExistsAsync(new RedisKeys(prefix).LearnerState(underOldKey))).Should().BeFalse("the history moved to the new key");
        var store = after.Services.GetRequiredService<IBehaviorStore>();
        var next = Enriched(after, AuthEvents.Of("evt-zoe-6", "login.succeeded", ApiWorker.At(TimeSpan.Zero), "zoe"));
        var history = (await store.LoadAsync(next, default)).Learner;
        history.SuccessfulLogins.Should().Be(5);
        history.Devices.Select(d => d.Key).Should().BeEquivalentTo([next.Device.Id, Enriched(after, AuthEvents.Of("x", "login.succeeded", ApiWorker.At(TimeSpan.Zero), "zoe", userAgent: AuthEvents.Phone)).Device.Id, Enriched(after, AuthEvents.Of("y", "login.succeeded", ApiWorker.At(TimeSpan.Zero), "zoe", userAgent: Tablet)).Device.Id], "every device seen since is filed under the new key");
        history.Addresses.Select(a => a.Key).Should().Equal([next.Keys.Address], "her one address, re-keyed");
    }

    [Fact]
    public async Task An_account_deleted_before_a_rotation_stays_erased_after_it()
    {
        var prefix = RedisFixture.NewPrefix();
        await using (var before = await ApiWorker.StartAsync(redis.Server, settings: worker => UnderOldKey(worker, prefix)))
        {
            await before.ProcessAsync(AuthEvents.Of("evt-mia-1", "login.succeeded", ApiWorker.At(TimeSpan.FromDays(2)), "mia"));
            await before.ProcessAsync(AuthEvents.Of("evt-mia-deleted", "account.deleted", ApiWorker.At(TimeSpan.FromDays(1)), "mia"));
        }

        await using var after = await ApiWorker.StartAsync(redis.Server, settings: worker => UnderNewKey(worker, prefix));
        var late = await after.ProcessAsync(AuthEvents.Of("evt-mia-2", "login.succeeded", ApiWorker.At(TimeSpan.FromHours(1)), "mia", userAgent: AuthEvents.Phone));

        late.Reasons.Should().ContainSingle().Which.Rule.Should().Be(ErasedLearners.RuleId, "the tombstone laid under the previous key still covers the deleted account");
        late.Alerts.Should().BeEmpty();
    }

    private WorkerSettings UnderOldKey(WorkerSettings worker, string prefix) => worker
        .Redis(redis.Server.Configuration, prefix)
        .With("Privacy:HashKey", OldKey)
        .With("Privacy:HashKeyId", "2025");

    private WorkerSettings UnderNewKey(WorkerSettings worker, string prefix) => worker
        .Redis(redis.Server.Configuration, prefix)
        .With("Privacy:HashKey", NewKey)
        .With("Privacy:HashKeyId", "2026")
        .With("Privacy:PreviousHashKeys:2025", OldKey);

    private static EnrichedEvent Enriched(ApiWorker worker, string json) =>
        worker.Services.GetRequiredService<Enricher>().Enrich(EventParser.Parse(json).Event!);
}
