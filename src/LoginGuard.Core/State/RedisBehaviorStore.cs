using LoginGuard.Contracts;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// Behavior state in Redis, shared by every worker. A batch is read with one command per learner and one script per
/// Redis Cluster slot for its addresses' and networks' failures, all sent together, and written the same way. The learner's history is one blob
/// behind a version stamp: a script writes it, with the batch's decisions of that learner, only if nobody
/// wrote in between, so the C# update stays the one definition of how history changes. Redis errors and
/// timeouts surface as exceptions for the caller to retry; every write is idempotent.
/// </summary>
internal sealed partial class RedisBehaviorStore(IConnectionMultiplexer redis, RedisKeys keys, IOptionsMonitor<StateOptions> options) : IBehaviorStore
{
    /// <summary>
    /// Events of one learner arrive in order on one partition, so a conflict is rare; when two writers do race
    /// (a rebalance), every conflict means the other write landed, and a jittered pause breaks the tie.
    /// </summary>
    private const int MaxAttempts = 50;

    /// <summary>The value of an event's published mark (<see cref="RedisKeys.Published"/>) while its event is parked.</summary>
    internal const string ParkedMark = "parked";

    private readonly RedisSourceFailures sources = new(redis);

    public async ValueTask<BehaviorBatch> BeginAsync(IReadOnlyList<EnrichedEvent> events, SourceLookback lookback, CancellationToken cancellationToken)
    {
        var learnerReads = events
            .GroupBy(e => e.Keys.Learner, StringComparer.Ordinal)
            .Select(learner => (Learner: learner.Key, Read: ReadLearnerOrPreviousAsync(learner.Key, learner.First().Previous, learner.Select(e => e.Event.EventId).Distinct().ToList())))
            .ToList();
        var wantedSources = BehaviorBatch.Sources(events, lookback).ToList();
        var sourceRead = sources.ReadAsync([.. wantedSources.Select(source => (source.IsAddress ? keys.AddressFailures(source.Hash) : keys.NetworkFailures(source.Hash), source.From))]);
        await Task.WhenAll(learnerReads.Select(r => (Task)r.Read).Append(sourceRead)).WaitAsync(cancellationToken);

        var learners = new Dictionary<string, StoredHistory>(StringComparer.Ordinal);
        var previous = new Dictionary<string, Decision>(StringComparer.Ordinal);
        var parked = new List<string>();
        var tombstones = new List<Tombstone>();
        foreach (var (learner, read) in learnerReads)
        {
            var (state, decided, tombstone, parkedEvents) = read.Result;
            learners[learner] = state;
            if (tombstone is not null)
            {
                tombstones.Add(tombstone);
            }

            // Kept without the raw userId (DecisionJson.SerializeStored); the redelivered event says whose it is.
            var userId = events.First(e => e.Keys.Learner == learner).Event.UserId;
            foreach (var (eventId, decision) in decided)
            {
                previous[BehaviorBatch.DecisionKey(learner, eventId)] = decision with { UserId = userId };
            }

            parked.AddRange(parkedEvents.Select(eventId => BehaviorBatch.DecisionKey(learner, eventId)));
        }

        return new BehaviorBatch(learners, wantedSources.Zip(sourceRead.Result).ToDictionary(r => r.First.Key, r => r.Second, StringComparer.Ordinal), previous, tombstones, options.CurrentValue, parked);
    }

    public async ValueTask<Committed> CommitAsync(BehaviorBatch batch, IReadOnlyList<RecordedEvent> recordedEvents, CancellationToken cancellationToken)
    {
        var settings = batch.Options;
        var records = batch.Check(recordedEvents);

        // A learner's index of the sources naming them lands before those sources do, so erasure finds every one.
        // The failures and owners then land before any learner's write: if that write then fails, the redelivery finds
        // no decision, adds the same failures again and finds its owner already named, changing nothing. An owner
        // written after its decision could be lost for good, since a redelivery that finds the decision records
        // nothing more.
        var learnerRecords = records.Where(r => !r.Enriched.Event.NamesNoAccount).ToList();
        var sourceIndexWrites = learnerRecords
            .Where(r => r.Enriched.Event.Type == AuthEventType.LoginFailed)
            .GroupBy(r => r.Enriched.Keys.Learner, StringComparer.Ordinal)
            .Select(learner => IndexSourcesAsync(learner.Key, learner.SelectMany(r => new[] { BehaviorBatch.AddressKey(r.Enriched.Keys), BehaviorBatch.NetworkKey(r.Enriched.Keys) }), settings))
            .ToList();
        if (sourceIndexWrites.Count > 0)
        {
            await Task.WhenAll(sourceIndexWrites).WaitAsync(cancellationToken);
        }

        var failureWrites = sources.AddAsync(
            [
                .. records
                    .Where(r => r.Enriched.Event.Type == AuthEventType.LoginFailed)
                    .SelectMany(r => new[] { (Key: keys.AddressFailures(r.Enriched.Keys.Address), Record: r), (Key: keys.NetworkFailures(r.Enriched.Keys.Network), Record: r) })
                    .GroupBy(write => write.Key)
                    .Select(source => (source.Key, (IReadOnlyList<FailedAttempt>)[.. source.Select(w => new FailedAttempt(w.Record.Enriched.Event.OccurredAt, w.Record.Enriched.Keys.Learner, w.Record.Enriched.Event.EventId))])),
            ],
            settings.MaxSourceFailures,
            settings);

        // The first writer names the owner and its expiry never moves past the decision's. A failure for an unknown
        // user keeps nothing but its place in the source sets, which are idempotent by eventId: a key per event
        // would let a flood of random usernames grow Redis by one key per attempt.
        var ownerWrites = learnerRecords
            .Select(r => redis.GetDatabase().StringSetAsync(keys.DecisionOwner(r.Decision.EventId), r.Enriched.Keys.Learner, settings.DecisionRetention, When.NotExists));
        await Task.WhenAll([failureWrites, .. ownerWrites]).WaitAsync(cancellationToken);

        var learnerWrites = learnerRecords
            .GroupBy(r => r.Enriched.Keys.Learner, StringComparer.Ordinal)
            .Select(learner => RecordLearnerAsync(learner.Key, batch.Loaded.GetValueOrDefault(learner.Key) ?? StoredHistory.None, batch.History(learner.Key), learner.ToList(), settings))
            .ToList();
        var unwritten = await Task.WhenAll(learnerWrites).WaitAsync(cancellationToken);
        return new Committed(
            unwritten.SelectMany(u => u.Duplicates).ToHashSet(StringComparer.Ordinal),
            unwritten.SelectMany(u => u.Erased).ToHashSet(StringComparer.Ordinal));
    }

    public async ValueTask LayTombstoneAsync(Tombstone tombstone, CancellationToken cancellationToken) =>
        await redis.GetDatabase().ScriptEvaluateAsync(
            LayTombstoneScript,
            [keys.Tombstone(tombstone.Learner), keys.LearnerState(tombstone.Learner)],
            [tombstone.Until.ToUnixTimeMilliseconds(), (long)options.CurrentValue.HistoryLookback.TotalMilliseconds]).WaitAsync(cancellationToken);

    public ValueTask MarkPublishedAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken) =>
        MarkAsync(MarkPublishedScript, [], publications, cancellationToken);

    public ValueTask MarkParkedAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken) =>
        MarkAsync(MarkParkedScript, [ParkedMark], publications, cancellationToken);

    private async ValueTask MarkAsync(string script, RedisValue[] values, IReadOnlyList<Publication> publications, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        await Task.WhenAll(publications.Select(p => database.ScriptEvaluateAsync(script, [keys.Decision(p.Learner, p.EventId), keys.Published(p.Learner, p.EventId)], values)))
            .WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Writes one learner's events of the batch; returns the eventIds another delivery recorded first, and those the
    /// learner's erasure took since the batch was read.
    /// </summary>
    private async Task<(List<string> Duplicates, List<string> Erased)> RecordLearnerAsync(
        string learner, StoredHistory state, LearnerHistory updated, List<RecordedEvent> pending, StateOptions settings)
    {
        var (duplicates, erased) = (new List<string>(), new List<string>());
        var previousKeys = pending[0].Enriched.Previous;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var result = (int)await redis.GetDatabase().ScriptEvaluateAsync(
                RecordScript,
                [keys.LearnerState(learner), keys.DecisionIndex(learner), keys.Tombstone(learner), .. pending.Select(r => keys.Decision(learner, r.Decision.EventId))],
                [
                    state.Version,
                    StoredHistory.Serialize(state.Next, updated),
                    (long)settings.HistoryLookback.TotalMilliseconds,
                    (long)settings.DecisionRetention.TotalMilliseconds,
                    pending.Min(r => r.Enriched.Event.OccurredAt).ToUnixTimeMilliseconds(),
                    .. pending.SelectMany(r => new RedisValue[] { r.Decision.EventId, DecisionJson.SerializeStored(r.Decision) }),
                ]);
            if (result == Recorded)
            {
                if (state.From is { } from)
                {
                    // In another slot, so after the write: a crash in between leaves the previous copy to expire or be
                    // removed by the next write, which finds the current one and reads no further.
                    await redis.GetDatabase().ScriptEvaluateAsync(ForgetFiledBeforeScript, [keys.LearnerState(from.Learner)], [from.Version]);
                }

                return (duplicates, erased);
            }

            await Task.Delay(Random.Shared.Next(0, Math.Min(attempt, 10) + 1));
            (state, var decided, var tombstone, _) = await ReadLearnerOrPreviousAsync(learner, previousKeys, pending.Select(r => r.Decision.EventId).ToList());
            duplicates.AddRange(decided.Keys);
            pending = pending.Where(r => !decided.ContainsKey(r.Decision.EventId)).ToList();
            erased.AddRange(pending.Where(r => tombstone?.Covers(r.Enriched.Event.OccurredAt) == true).Select(r => r.Decision.EventId));
            pending = pending.Where(r => tombstone?.Covers(r.Enriched.Event.OccurredAt) != true).ToList();
            if (pending.Count == 0)
            {
                return (duplicates, erased);
            }

            updated = pending.Aggregate(state.History, (history, r) => HistoryUpdate.Apply(history, r.Enriched, r.Decision.Assessment(), settings));
        }

        throw new InvalidOperationException(
            $"Learner state changed under every one of {MaxAttempts} attempts to record events {string.Join(", ", pending.Select(r => r.Decision.EventId))}; they will be retried.");
    }

    /// <summary>
    /// Files the sources the learner's failures go to under the learner. Kept twice the failure memory: a source keeps a
    /// failure while it is within that memory of the source's newest event, which in service trails the wall clock by
    /// no more than a backlog being caught up.
    /// </summary>
    private Task IndexSourcesAsync(string learner, IEnumerable<string> sources, StateOptions settings) =>
        redis.GetDatabase().ScriptEvaluateAsync(
            IndexSourcesScript,
            [keys.FailureSources(learner)],
            [(long)FailureSourcesRetention(settings).TotalMilliseconds, .. sources.Distinct(StringComparer.Ordinal).Select(source => (RedisValue)source)]);

    internal static TimeSpan FailureSourcesRetention(StateOptions settings) => 2 * (settings.FailureMemory + settings.AllowedLateness);

    /// <summary>
    /// What <see cref="ReadLearnerAsync"/> reads, under the current hash key; when the learner has nothing there and keys
    /// were rotated out, under the first previous key that has anything of theirs (one more read per key: each files the
    /// learner in another slot). A history found there is handed on to be written under the current key
    /// (<see cref="StoredHistory.From"/>), and a tombstone found there covers the learner still.
    /// </summary>
    private async Task<(StoredHistory State, Dictionary<string, Decision> Decided, Tombstone? Tombstone, List<string> Parked)> ReadLearnerOrPreviousAsync(
        string learner, IReadOnlyList<PreviousKeys>? previousKeys, List<string> eventIds)
    {
        var current = await ReadLearnerAsync(learner, eventIds);
        if (previousKeys is null || !ReferenceEquals(current.State, StoredHistory.None) || current.Tombstone is not null)
        {
            return current;
        }

        foreach (var previous in previousKeys)
        {
            var (state, decided, tombstone, parked) = await ReadLearnerAsync(previous.Keys.Learner, eventIds);
            if (ReferenceEquals(state, StoredHistory.None) && decided.Count == 0 && tombstone is null)
            {
                continue;
            }

            foreach (var (eventId, decision) in current.Decided)
            {
                decided[eventId] = decision;
                parked.Remove(eventId);
            }

            return (
                ReferenceEquals(state, StoredHistory.None) ? state : new StoredHistory([], state.History) { From = new FiledBefore(previous.Keys.Learner, state.Version) },
                decided,
                tombstone is null ? null : tombstone with { Learner = learner },
                [.. parked, .. current.Parked]);
        }

        return current;
    }

    /// <summary>
    /// The state, the decisions of these events and whether each was published or parked, and the learner's tombstone, in
    /// one round trip: every key carries the learner's hash tag, so one MGET reaches them.
    /// </summary>
    private async Task<(StoredHistory State, Dictionary<string, Decision> Decided, Tombstone? Tombstone, List<string> Parked)> ReadLearnerAsync(string learner, List<string> eventIds)
    {
        var values = await redis.GetDatabase().StringGetAsync(
            [keys.LearnerState(learner), keys.Tombstone(learner), .. eventIds.Select(id => keys.Decision(learner, id)), .. eventIds.Select(id => keys.Published(learner, id))]);
        var decided = new Dictionary<string, Decision>(StringComparer.Ordinal);
        var parked = new List<string>();
        for (var i = 0; i < eventIds.Count; i++)
        {
            if (!values[i + 2].IsNull)
            {
                var mark = values[i + 2 + eventIds.Count];
                decided[eventIds[i]] = DecisionJson.Deserialize((byte[])values[i + 2]!) with { Duplicate = !mark.IsNull && mark != ParkedMark };
                if (mark == ParkedMark)
                {
                    parked.Add(eventIds[i]);
                }
            }
        }

        var tombstone = values[1].IsNull ? null : new Tombstone(learner, DateTimeOffset.FromUnixTimeMilliseconds((long)values[1]));
        return (StoredHistory.Read(values[0]), decided, tombstone, parked);
    }
}
