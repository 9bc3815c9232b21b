using LoginGuard.Contracts;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// Behavior state in Redis, shared by every worker. A batch is read and written with one command per kind of key and per
/// Redis Cluster slot, all sent together: on a single server a handful of calls per batch, however many events it holds
/// (each call is a task, a message and a reply for the worker to handle). The learner's history is one blob
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
        var wantedLearners = events
            .GroupBy(e => e.Keys.Learner, StringComparer.Ordinal)
            .Select(learner => new WantedLearner(learner.Key, learner.First().Previous, learner.Select(e => e.Event.EventId).Distinct().ToList()))
            .ToList();
        var learnerRead = ReadLearnersOrPreviousAsync(wantedLearners);
        var wantedSources = BehaviorBatch.Sources(events, lookback).ToList();
        // A set is read whole, to be kept between batches, when the rules look back as far as it remembers anyway.
        var memory = options.CurrentValue.FailureMemory;
        var sourceRead = sources.ReadAsync(
        [
            .. wantedSources.Select(source => (
                keys.SourceFailures(source.Key),
                (source.IsAddress ? lookback.Address : lookback.Network) >= memory ? (DateTimeOffset?)null : source.From)),
        ]);
        await Task.WhenAll(learnerRead, sourceRead).WaitAsync(cancellationToken);

        var learners = new Dictionary<string, StoredHistory>(StringComparer.Ordinal);
        var previous = new Dictionary<string, Decision>(StringComparer.Ordinal);
        var parked = new List<string>();
        var tombstones = new List<Tombstone>();
        foreach (var (learner, (state, decided, tombstone, parkedEvents)) in wantedLearners.Select(w => w.Learner).Zip(learnerRead.Result))
        {
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

        var read = wantedSources.Zip(sourceRead.Result).ToList();
        return new BehaviorBatch(
            learners,
            read.ToDictionary(r => r.First.Key, r => r.Second.Activity, StringComparer.Ordinal),
            previous,
            tombstones,
            options.CurrentValue,
            parked,
            read.ToDictionary(r => r.First.Key, r => r.Second.Version, StringComparer.Ordinal));
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
        var failingLearners = learnerRecords
            .Where(r => r.Enriched.Event.Type == AuthEventType.LoginFailed)
            .GroupBy(r => r.Enriched.Keys.Learner, StringComparer.Ordinal)
            .Select(learner => (Learner: learner.Key, Sources: learner.SelectMany(r => new[] { BehaviorBatch.AddressKey(r.Enriched.Keys), BehaviorBatch.NetworkKey(r.Enriched.Keys) }).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();
        if (failingLearners.Count > 0)
        {
            await IndexSourcesAsync(failingLearners, settings).WaitAsync(cancellationToken);
        }

        var failureWrites = sources.AddAsync(
            [
                .. records
                    .Where(r => r.Enriched.Event.Type == AuthEventType.LoginFailed)
                    .SelectMany(r => new[] { (Source: BehaviorBatch.AddressKey(r.Enriched.Keys), Record: r), (Source: BehaviorBatch.NetworkKey(r.Enriched.Keys), Record: r) })
                    .GroupBy(write => write.Source, StringComparer.Ordinal)
                    .Select(source => new SourceWrite(
                        keys.SourceFailures(source.Key),
                        [.. source.Select(w => Failures.Of(w.Record.Enriched))],
                        batch.SourceVersion(source.Key),
                        batch.Source(source.Key))),
            ],
            settings.MaxSourceFailures,
            settings);

        // The first writer names the owner and its expiry never moves past the decision's. A failure for an unknown
        // user keeps nothing but its place in the source sets, which are idempotent by eventId: a key per event
        // would let a flood of random usernames grow Redis by one key per attempt.
        var database = redis.GetDatabase();
        var ownerWrites = redis.BySlot(learnerRecords, r => keys.DecisionOwner(r.Decision.EventId)).Select(slot => database.ScriptEvaluateAsync(
            NameOwnersScript,
            [.. slot.Select(r => keys.DecisionOwner(r.Decision.EventId))],
            [(long)settings.DecisionRetention.TotalMilliseconds, .. slot.Select(r => (RedisValue)r.Enriched.Keys.Learner)]));
        await Task.WhenAll([failureWrites, .. ownerWrites]).WaitAsync(cancellationToken);

        var learnerWrites = learnerRecords
            .GroupBy(r => r.Enriched.Keys.Learner, StringComparer.Ordinal)
            .Select(learner => new LearnerWrite(learner.Key, batch.Loaded.GetValueOrDefault(learner.Key) ?? StoredHistory.None, batch.History(learner.Key), learner.ToList()))
            .ToList();
        var results = await WriteLearnersAsync(learnerWrites, settings).WaitAsync(cancellationToken);
        var unwritten = await Task.WhenAll(learnerWrites.Zip(results, (write, result) => RecordLearnerAsync(write, result, settings))).WaitAsync(cancellationToken);
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
        await Task.WhenAll(redis.BySlot(publications, p => keys.Decision(p.Learner, p.EventId)).Select(slot => database.ScriptEvaluateAsync(
                script,
                [.. slot.SelectMany(p => new[] { keys.Decision(p.Learner, p.EventId), keys.Published(p.Learner, p.EventId) })],
                values)))
            .WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Finishes one learner's write, which <see cref="WriteLearnersAsync"/> tried once with the batch's, by trying again
    /// over what another writer left; returns the eventIds another delivery recorded first, and those the learner's
    /// erasure took since the batch was read.
    /// </summary>
    private async Task<(List<string> Duplicates, List<string> Erased)> RecordLearnerAsync(LearnerWrite write, int result, StateOptions settings)
    {
        var (learner, state, _, pending) = write;
        var (duplicates, erased) = (new List<string>(), new List<string>());
        var previousKeys = pending[0].Enriched.Previous;
        for (var attempt = 1; result != Recorded; attempt++)
        {
            await Task.Delay(Random.Shared.Next(0, Math.Min(attempt, 10) + 1));
            (state, var decided, var tombstone, _) = (await ReadLearnersOrPreviousAsync([new WantedLearner(learner, previousKeys, [.. pending.Select(r => r.Decision.EventId)])]))[0];
            duplicates.AddRange(decided.Keys);
            pending = pending.Where(r => !decided.ContainsKey(r.Decision.EventId)).ToList();
            erased.AddRange(pending.Where(r => tombstone?.Covers(r.Enriched.Event.OccurredAt) == true).Select(r => r.Decision.EventId));
            pending = pending.Where(r => tombstone?.Covers(r.Enriched.Event.OccurredAt) != true).ToList();
            if (pending.Count == 0)
            {
                return (duplicates, erased);
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException(
                    $"Learner state changed under every one of {MaxAttempts} attempts to record events {string.Join(", ", pending.Select(r => r.Decision.EventId))}; they will be retried.");
            }

            var updated = pending.Aggregate(state.History, (history, r) => HistoryUpdate.Apply(history, r.Enriched, r.Decision.Assessment(), settings));
            result = (await WriteLearnersAsync([new LearnerWrite(learner, state, updated, pending)], settings))[0];
        }

        if (state.From is { } from)
        {
            // In another slot, so after the write: a crash in between leaves the previous copy to expire or be
            // removed by the next write, which finds the current one and reads no further.
            await redis.GetDatabase().ScriptEvaluateAsync(ForgetFiledBeforeScript, [keys.LearnerState(from.Learner)], [from.Version]);
        }

        return (duplicates, erased);
    }

    /// <summary>One try at each learner's write (<see cref="RecordScript"/>), with one script call per Redis Cluster slot.</summary>
    private async Task<int[]> WriteLearnersAsync(IReadOnlyList<LearnerWrite> writes, StateOptions settings)
    {
        var results = new int[writes.Count];
        var database = redis.GetDatabase();
        await Task.WhenAll(redis.BySlot(Enumerable.Range(0, writes.Count), i => keys.LearnerState(writes[i].Learner)).Select(async indexes =>
        {
            var written = (int[])(await database.ScriptEvaluateAsync(
                RecordScript,
                [.. indexes.SelectMany(i => LearnerWriteKeys(writes[i]))],
                [
                    (long)settings.HistoryLookback.TotalMilliseconds,
                    (long)settings.DecisionRetention.TotalMilliseconds,
                    .. indexes.SelectMany(i => LearnerWriteValues(writes[i])),
                ]))!;
            for (var j = 0; j < indexes.Length; j++)
            {
                results[indexes[j]] = written[j];
            }
        }));
        return results;
    }

    private IEnumerable<RedisKey> LearnerWriteKeys(LearnerWrite write) =>
        [keys.LearnerState(write.Learner), keys.DecisionIndex(write.Learner), keys.Tombstone(write.Learner), .. write.Pending.Select(r => keys.Decision(write.Learner, r.Decision.EventId))];

    private static IEnumerable<RedisValue> LearnerWriteValues(LearnerWrite write) =>
    [
        write.Pending.Count,
        write.State.Version,
        StoredHistory.Serialize(write.State.Next, write.Updated),
        write.Pending.Min(r => r.Enriched.Event.OccurredAt).ToUnixTimeMilliseconds(),
        .. write.Pending.SelectMany(r => new RedisValue[] { r.Decision.EventId, DecisionJson.SerializeStored(r.Decision) }),
    ];

    /// <summary>
    /// Files the sources each learner's failures go to under the learner, one script call per Redis Cluster slot. Kept
    /// twice the failure memory: a source keeps a failure while it is within that memory of the source's newest event,
    /// which in service trails the wall clock by no more than a backlog being caught up.
    /// </summary>
    private Task IndexSourcesAsync(List<(string Learner, List<string> Sources)> learners, StateOptions settings)
    {
        var database = redis.GetDatabase();
        return Task.WhenAll(redis.BySlot(learners, l => keys.FailureSources(l.Learner)).Select(slot => database.ScriptEvaluateAsync(
            IndexSourcesScript,
            [.. slot.Select(l => keys.FailureSources(l.Learner))],
            [(long)FailureSourcesRetention(settings).TotalMilliseconds, .. slot.SelectMany(l => l.Sources.Select(source => (RedisValue)source).Prepend(l.Sources.Count))])));
    }

    internal static TimeSpan FailureSourcesRetention(StateOptions settings) => 2 * (settings.FailureMemory + settings.AllowedLateness);

    /// <param name="State">The learner's state as the batch read it, which the write goes over only if nobody wrote since.</param>
    /// <param name="Updated">The history after the pending events.</param>
    private sealed record LearnerWrite(string Learner, StoredHistory State, LearnerHistory Updated, List<RecordedEvent> Pending);
}
