using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LoginGuard.Alerts;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.Feedback;
using LoginGuard.Ingestion;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Pipeline;
using LoginGuard.Privacy;
using LoginGuard.State;
using LoginGuard.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>Each test has its own worker and key prefix, so SCAN sees only what these learners left.</summary>
public sealed partial class ErasureTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Erasing_a_learner_leaves_no_key_of_theirs_in_redis()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server);
        var traces = await TwoLearnersAsync(worker);

        using var response = await worker.Client.DeleteAsync("/v1/users/zoe");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await ShouldHoldNothingOfZoeButAllOfMiaAsync(worker, traces);
        var activity = await worker.Client.GetFromJsonAsync<JsonObject>("/v1/users/zoe/activity");
        activity!["entries"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Erasing_a_learner_finds_their_keys_through_indexes_of_their_own_without_scanning_the_keyspace()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server);
        var traces = await TwoLearnersAsync(worker);
        var session = new ProfilingSession();
        Connection(worker).RegisterProfiler(() => session);

        using var response = await worker.Client.DeleteAsync("/v1/users/zoe");
        var sent = session.FinishProfiling().Select(command => command.Command).ToList();
        Connection(worker).RegisterProfiler(() => null);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        sent.Should().NotBeEmpty().And.NotContain(["SCAN", "KEYS"], "a SCAN reads every key of every learner, on every node, to erase one");
        await ShouldHoldNothingOfZoeButAllOfMiaAsync(worker, traces);
    }

    [Fact]
    public async Task After_the_hash_key_is_rotated_erasure_also_finds_what_was_filed_under_the_previous_key()
    {
        var prefix = RedisFixture.NewPrefix();
        var (oldKey, newKey) = (Convert.ToBase64String(new byte[32]), Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()));
        string underOldKey;
        await using (var before = await ApiWorker.StartAsync(redis.Server, settings: worker => worker
            .Redis(redis.Server.Configuration, prefix)
            .With("Privacy:HashKey", oldKey)
            .With("Privacy:HashKeyId", "2025")))
        {
            await LearnerEvents.SignInsAsync(before, "zoe");
            underOldKey = before.LearnerKey("zoe");
        }

        await using var after = await ApiWorker.StartAsync(redis.Server, settings: worker => worker
            .Redis(redis.Server.Configuration, prefix)
            .With("Privacy:HashKey", newKey)
            .With("Privacy:HashKeyId", "2026")
            .With("Privacy:PreviousHashKeys:2025", oldKey));
        after.LearnerKey("zoe").Should().NotBe(underOldKey, "the new key writes");
        (await LearnerTraces.DumpAsync(Connection(after), prefix)).Keys.Should().Contain(k => k.Contains(underOldKey, StringComparison.Ordinal));
        var export = await after.Client.GetFromJsonAsync<JsonObject>("/v1/users/zoe/export");
        var previous = export!["underPreviousHashKeys"]!.AsArray().Should().ContainSingle().Subject!;
        ((string?)previous["hashKeyId"]).Should().Be("2025");
        previous["activity"]!.AsArray().Should().HaveCount(5, "the export shows what the previous key filed");

        using var response = await after.Client.DeleteAsync("/v1/users/zoe");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var left = await LearnerTraces.DumpAsync(Connection(after), prefix);
        LearnerTraces.Mentioning(left.Where(e => !e.Key.EndsWith("{audit}:log", StringComparison.Ordinal)).ToDictionary(), [underOldKey, "evt-zoe-laptop"])
            .Should().BeEmpty("the previous key still finds what it filed");
    }

    [Fact]
    public async Task Erasing_a_learner_drops_their_held_new_device_sign_ins_and_summaries_too()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server);
        var traces = await TwoLearnersAsync(worker);
        const string Linux = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        const string Mac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
        const string Android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
        string[] held = ["evt-zoe-linux", "evt-zoe-android"];

        // Held within the phone's hour, then told in a summary; a Mac opens the next window, whose Android sign-in is held still.
        await worker.ProcessAsync(AuthEvents.Of(held[0], "login.succeeded", ApiWorker.At(TimeSpan.FromMinutes(110)), "zoe", userAgent: Linux));
        var store = (IOutboxStore)worker.Services.GetService(typeof(IOutboxStore))!;
        (await store.CloseWindowsAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Should().Be(1);
        await worker.ProcessAsync(AuthEvents.Of("evt-zoe-mac", "login.succeeded", ApiWorker.At(TimeSpan.FromMinutes(100)), "zoe", userAgent: Mac));
        await worker.ProcessAsync(AuthEvents.Of(held[1], "login.succeeded", ApiWorker.At(TimeSpan.FromMinutes(90)), "zoe", userAgent: Android));
        var hasher = (KeyedHasher)worker.Services.GetService(typeof(KeyedHasher))!;
        traces.AddRange([.. held, "evt-zoe-mac", Alert.SummaryIdFor(hasher.Hash(KeyedHasher.UserPurpose, "zoe")[..StateKeyMaker.KeyLength], held[0]), hasher.Hash(KeyedHasher.UserPurpose, "zoe")]);
        var before = await LearnerTraces.DumpAsync(Connection(worker), worker.Prefix);
        before.Keys.Should().Contain(k => k.EndsWith("{outbox}:windows", StringComparison.Ordinal), "a window holds the Android sign-in");
        LearnerTraces.Mentioning(before, [held[1]]).Should().NotBeEmpty();

        using var response = await worker.Client.DeleteAsync("/v1/users/zoe");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await ShouldHoldNothingOfZoeButAllOfMiaAsync(worker, traces);
    }

    [Fact]
    public async Task An_account_deleted_event_erases_the_learner_as_the_endpoint_does()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server);
        var traces = await TwoLearnersAsync(worker);

        await worker.ProcessAsync(AuthEvents.Of("evt-zoe-deleted", "account.deleted", ApiWorker.At(TimeSpan.FromMinutes(1)), "zoe"));

        await EventuallyAsync(() => ShouldHoldNothingOfZoeButAllOfMiaAsync(worker, [.. traces, "evt-zoe-deleted"]));
    }

    [Fact]
    public async Task An_account_deleted_delivered_again_after_a_crash_still_erases_the_learner()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server);
        var traces = await TwoLearnersAsync(worker);
        var deletion = AuthEvents.Of("evt-zoe-deleted", "account.deleted", ApiWorker.At(TimeSpan.FromMinutes(1)), "zoe");

        // The first delivery recorded its decision and died before erasing.
        var enriched = worker.Services.GetRequiredService<Enricher>().Enrich(EventParser.Parse(Encoding.UTF8.GetBytes(deletion)).Event!);
        var recorded = new Decision(enriched.Event.EventId, "zoe", AuthEventType.AccountDeleted, enriched.Event.OccurredAt, 0, RiskLevel.None, [], [], "rs-crashed");
        (await worker.Services.GetRequiredService<IBehaviorStore>().RecordAsync(enriched, recorded, default)).Should().BeTrue();
        var redelivered = await worker.ProcessAsync(deletion);

        redelivered.Duplicate.Should().BeFalse("the first delivery died before publishing its decision");
        await EventuallyAsync(() => ShouldHoldNothingOfZoeButAllOfMiaAsync(worker, [.. traces, "evt-zoe-deleted"]));
    }

    [Fact]
    public async Task Events_batched_after_the_accounts_deletion_bring_nothing_of_the_learner_back()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server);
        var traces = await TwoLearnersAsync(worker);

        var outcomes = await worker.Services.GetRequiredService<LoginPipeline>().ProcessAsync(
            [
                Encoding.UTF8.GetBytes(AuthEvents.Of("evt-zoe-deleted", "account.deleted", ApiWorker.At(TimeSpan.FromMinutes(2)), "zoe")),
                Encoding.UTF8.GetBytes(AuthEvents.Of("evt-zoe-late", "login.succeeded", ApiWorker.At(TimeSpan.FromMinutes(3)), "zoe", userAgent: AuthEvents.Phone)),
                Encoding.UTF8.GetBytes(AuthEvents.Of("evt-zoe-again", "login.succeeded", ApiWorker.At(TimeSpan.FromMinutes(1)), "zoe")),
            ],
            CancellationToken.None);

        outcomes.Should().AllBeOfType<Decided>();
        outcomes.Skip(1).Cast<Decided>().Should().AllSatisfy(o => o.Decision.Reasons.Should().ContainSingle().Which.Rule.Should().Be(ErasedLearners.RuleId));
        await EventuallyAsync(() => ShouldHoldNothingOfZoeButAllOfMiaAsync(worker, [.. traces, "evt-zoe-deleted", "evt-zoe-late", "evt-zoe-again"]));
    }

    [Fact]
    public async Task Events_from_before_an_erasure_delivered_after_it_are_published_as_erased_and_bring_nothing_back()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server);
        var traces = await TwoLearnersAsync(worker);
        (await worker.Client.DeleteAsync("/v1/users/zoe")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        // Still in flight when she was erased: her new phone's sign-in delivered again, and a failure that came late.
        var again = await worker.ProcessAsync(AuthEvents.Of("evt-zoe-phone", "login.succeeded", ApiWorker.At(TimeSpan.FromHours(2)), "zoe", userAgent: AuthEvents.Phone));
        var late = await worker.ProcessAsync(AuthEvents.Of("evt-zoe-late", "login.failed", ApiWorker.At(TimeSpan.FromMinutes(30)), "zoe"));

        foreach (var decision in new[] { again, late })
        {
            decision.Reasons.Should().ContainSingle().Which.Rule.Should().Be(ErasedLearners.RuleId);
            decision.RiskLevel.Should().Be(RiskLevel.None);
            decision.Alerts.Should().BeEmpty();
            decision.Duplicate.Should().BeFalse();
        }

        await ShouldHoldNothingOfZoeButAllOfMiaAsync(worker, [.. traces, "evt-zoe-late"]);
    }

    [Fact]
    public async Task Erasing_a_learner_twice_or_one_never_seen_is_harmless()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server);
        var traces = await TwoLearnersAsync(worker);

        (await worker.Client.DeleteAsync("/v1/users/zoe")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await worker.Client.DeleteAsync("/v1/users/zoe")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await worker.Client.DeleteAsync("/v1/users/nobody")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await ShouldHoldNothingOfZoeButAllOfMiaAsync(worker, traces);
    }

    /// <summary>
    /// Zoë and Mia sign in and fail from the same address, so they share the address's and network's failure
    /// sets; both get mail and answer it. Returns everything that would betray Zoë: her key, id, email, event and alert ids.
    /// </summary>
    private static async Task<List<string>> TwoLearnersAsync(ApiWorker worker)
    {
        var zoe = await LearnerEvents.SignInsAsync(worker, "zoe");
        var mia = await LearnerEvents.SignInsAsync(worker, "mia");
        await AnswerAsync(worker, "zoe", zoe[3]);
        await AnswerAsync(worker, "mia", mia[3]);
        var export = await worker.Client.GetFromJsonAsync<JsonObject>("/v1/users/zoe/export");
        var alertIds = export!["mails"]!.AsArray().Select(m => (string)m!["alertId"]!).ToList();
        export["answers"]!.AsArray().Select(a => (string?)a!["eventId"]).Should().Equal(zoe[3]);
        alertIds.Should().HaveCount(2, "the new phone and the password change were mailed");

        var dump = await LearnerTraces.DumpAsync(Connection(worker), worker.Prefix);
        var traces = new List<string> { worker.LearnerKey("zoe"), "\"zoe\"", "zoe@example.org" };
        traces.AddRange(zoe);
        traces.AddRange(alertIds);
        LearnerTraces.Mentioning(dump, traces).Should().HaveCountGreaterThan(8, "Zoë's state, decisions, activity, mails and shared failures are all there before");
        dump.Keys.Should().Contain(k => k.Contains("{ip:", StringComparison.Ordinal) && dump[k].Contains(worker.LearnerKey("zoe"), StringComparison.Ordinal));
        return traces;
    }

    private static async Task ShouldHoldNothingOfZoeButAllOfMiaAsync(ApiWorker worker, IReadOnlyCollection<string> zoe)
    {
        var dump = await LearnerTraces.DumpAsync(Connection(worker), worker.Prefix);

        // The audit log keeps, under its own retention, that the learner (as their hash) was erased and by which key;
        // the tombstone keeps their hash and the time up to which their events are erased, nothing else.
        var tombstone = $"{worker.Prefix}{{u:{worker.LearnerKey("zoe")}}}:t";
        dump.Should().ContainKey(tombstone).WhoseValue.Should().MatchRegex("^[0-9]+$");
        LearnerTraces.Mentioning(LearnerTraces.LeftByErasure(dump, worker.Prefix, worker.LearnerKey("zoe")), zoe).Should().BeEmpty();
        var mia = worker.LearnerKey("mia");
        dump.Keys.Should().Contain(k => k.Contains($"{{u:{mia}}}:h", StringComparison.Ordinal));

        // The address's failures, and the version beside them that the erasure moved.
        dump.Where(e => e.Key.Contains("{ip:", StringComparison.Ordinal) && e.Key.EndsWith(":f", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Value.Split('\n').Should().HaveCount(2).And.OnlyContain(member => member.EndsWith(mia, StringComparison.Ordinal));
        dump.Keys.Where(k => k.Contains("{ip:", StringComparison.Ordinal)).Should().HaveCount(2).And.Contain(k => k.EndsWith(":fv", StringComparison.Ordinal));
        (await worker.Client.GetFromJsonAsync<JsonObject>("/v1/users/mia/activity"))!["entries"]!.AsArray().Should().HaveCount(5);
        dump.Keys.Should().Contain(k => k.Contains($"{{labels}}:answer:{mia}:", StringComparison.Ordinal));
        var store = (RedisFeedbackStore)worker.Services.GetService(typeof(RedisFeedbackStore))!;
        (await store.LabelsAsync(10)).Should().ContainSingle().Which.Learner.Should().Be(mia);
    }

    /// <summary>What taking a learner's answer leaves in Redis: the answer to the link, the label and the learner's index of it.</summary>
    private static async Task AnswerAsync(ApiWorker worker, string user, string eventId)
    {
        var store = (RedisFeedbackStore)worker.Services.GetService(typeof(RedisFeedbackStore))!;
        var now = DateTimeOffset.UtcNow;
        var claim = new FeedbackClaim(user, eventId, AuthEventType.LoginSucceeded, now, "device", $"alert-of-{eventId}", now.AddDays(1));
        (await store.TakeAsync(new FeedbackLabel(worker.LearnerKey(user), eventId, "legitimate", now), claim, sealedReport: null)).Should().BeTrue();
    }

    private static IConnectionMultiplexer Connection(ApiWorker worker) =>
        (IConnectionMultiplexer)worker.Services.GetService(typeof(IConnectionMultiplexer))!;
}
