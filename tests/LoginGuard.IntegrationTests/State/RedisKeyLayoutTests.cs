using System.Globalization;
using LoginGuard.Contracts;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using LoginGuard.Testing;
using LoginGuard.Testing.State;

namespace LoginGuard.IntegrationTests.State;

public sealed class RedisKeyLayoutTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly StateOptions Options = new();

    [Fact]
    public async Task Every_key_expires_after_the_time_its_options_give_it()
    {
        var (store, _, prefix) = redis.CreateBehaviorStore(Options);
        await RecordARealisticDayAsync(store);

        var database = redis.Connection.GetDatabase();
        var keys = await RedisFixture.KeysAsync(redis.Connection, prefix + "*");
        keys.Should().HaveCountGreaterThan(50);
        foreach (var key in keys)
        {
            var ttl = await database.KeyTimeToLiveAsync(key);
            ttl.Should().NotBeNull($"{key} must expire");
            ttl!.Value.Should().BePositive().And.BeLessThanOrEqualTo(Expected(key.ToString()), key.ToString());
            ttl.Value.Should().BeGreaterThan(Expected(key.ToString()) - TimeSpan.FromMinutes(1), key.ToString());
        }
    }

    [Fact]
    public async Task Every_key_of_a_learner_carries_the_learner_hash_tag_and_their_indexes_name_every_decision_and_failure_set()
    {
        var (store, keys, prefix) = redis.CreateBehaviorStore(Options);
        var events = await RecordARealisticDayAsync(store);

        var all = await RedisFixture.KeysAsync(redis.Connection, prefix + "*");
        var database = redis.Connection.GetDatabase();
        foreach (var learner in events.Select(e => e.Keys.Learner).Distinct())
        {
            var found = await RedisFixture.KeysAsync(redis.Connection, keys.LearnerPattern(learner)!);
            var theirs = events.Where(e => e.Keys.Learner == learner).ToList();
            found.Should().HaveCount(3 + theirs.Count, "the learner's state, one decision per event, and the indexes of their decisions and failure sets");
            found.Should().OnlyContain(k => k.ToString().StartsWith(prefix + "{u:" + learner + "}", StringComparison.Ordinal));
            (await database.SortedSetRangeByRankAsync(keys.DecisionIndex(learner))).Select(id => (string?)id).Should().BeEquivalentTo(theirs.Select(e => e.Event.EventId));
            var failedFrom = theirs.Where(e => e.Event.Type == AuthEventType.LoginFailed).SelectMany(e => new[] { keys.AddressFailures(e.Keys.Address), keys.NetworkFailures(e.Keys.Network) });
            (await database.SortedSetRangeByRankAsync(keys.FailureSources(learner))).Select(source => keys.SourceFailures(source!)).Should().BeEquivalentTo(failedFrom.Distinct());
        }

        all.Select(k => HashTag(k.ToString())).Should().OnlyContain(
            tag => tag != null && (tag.StartsWith("u:", StringComparison.Ordinal) || tag.StartsWith("ip:", StringComparison.Ordinal) || tag.StartsWith("net:", StringComparison.Ordinal) || tag.StartsWith("e:", StringComparison.Ordinal)),
            "every key names its Redis Cluster slot: a learner, an address, a network, or an event whose learner it names");
        foreach (var e in events)
        {
            ((string?)await redis.Connection.GetDatabase().StringGetAsync(keys.DecisionOwner(e.Event.EventId))).Should().Be(e.Keys.Learner, "a decision is found from its eventId alone");
        }
    }

    [Fact]
    public async Task An_erased_learners_tombstone_holds_only_the_time_of_the_erasure_under_their_keyed_hash_and_expires_after_the_lookback()
    {
        var (store, keys, prefix) = redis.CreateBehaviorStore(Options);

        await store.LayTombstoneAsync(new Tombstone("learner-ana", Learners.Start), default);

        var database = redis.Connection.GetDatabase();
        (await RedisFixture.KeysAsync(redis.Connection, prefix + "*")).Should().ContainSingle().Which.Should().Be(keys.Tombstone("learner-ana"));
        ((string?)await database.StringGetAsync(keys.Tombstone("learner-ana"))).Should().Be(Learners.Start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        var ttl = (await database.KeyTimeToLiveAsync(keys.Tombstone("learner-ana")))!.Value;
        ttl.Should().BeLessThanOrEqualTo(Options.HistoryLookback).And.BeGreaterThan(Options.HistoryLookback - TimeSpan.FromMinutes(1));
        redis.Connection.HashSlot(keys.Tombstone("learner-ana")).Should().Be(redis.Connection.HashSlot(keys.LearnerState("learner-ana")), "the record script checks it");
    }

    [Fact]
    public async Task A_learners_state_and_decisions_share_one_cluster_slot()
    {
        var (_, keys, _) = redis.CreateBehaviorStore(Options);

        var slots = new[] { keys.LearnerState("abc123"), keys.Decision("abc123", "evt-{odd}-1"), keys.Decision("abc123", "evt-2") }
            .Select(k => redis.Connection.HashSlot(k)).Distinct();

        slots.Should().ContainSingle();
    }

    private static TimeSpan Expected(string key) =>
        key.Contains(":d:", StringComparison.Ordinal) || key.Contains("{e:", StringComparison.Ordinal) || key.EndsWith(":di", StringComparison.Ordinal) ? Options.DecisionRetention
        : key.EndsWith(":h", StringComparison.Ordinal) || key.EndsWith(":t", StringComparison.Ordinal) ? Options.HistoryLookback
        : key.EndsWith(":fs", StringComparison.Ordinal) ? 2 * (Options.FailureMemory + Options.AllowedLateness)
        : Options.FailureMemory + Options.AllowedLateness;

    private static string? HashTag(string key)
    {
        var open = key.IndexOf('{', StringComparison.Ordinal);
        var close = open < 0 ? -1 : key.IndexOf('}', open + 1);
        return close > open + 1 ? key[(open + 1)..close] : null;
    }

    /// <summary>Ten learners signing in from home and on the road, a few mistyped passwords and a spray from one address.</summary>
    private static async Task<List<EnrichedEvent>> RecordARealisticDayAsync(IBehaviorStore store)
    {
        var events = new List<EnrichedEvent>();
        for (var i = 0; i < 10; i++)
        {
            events.Add(Learners.From(Learners.SignIn($"learner-{i}", Learners.Laptop, Learners.Start.AddMinutes(i)), Learners.Lyon, $"home-{i}"));
            events.Add(Learners.SignIn($"learner-{i}", Learners.Phone, Learners.Start.AddHours(3).AddMinutes(i)));
            events.Add(Learners.From(Learners.FailedSignIn($"learner-{i}", Learners.Phone, Learners.Start.AddHours(5)), Learners.Lyon, $"home-{i}"));
            events.Add(Learners.From(Learners.FailedSignIn($"learner-{i}", Learners.Tablet, Learners.Start.AddHours(6).AddSeconds(i)), Learners.Lyon with { Asn = 64_500 }, "botnet"));
        }

        foreach (var enriched in events)
        {
            (await store.RecordAsync(enriched, BehaviorStoreContract.DecisionFor(enriched), default)).Should().BeTrue();
        }

        return events;
    }
}
