using LoginGuard.Contracts;
using Microsoft.Extensions.Options;

namespace LoginGuard.State;

/// <summary>
/// Behavior state in this process, for the embedded replay and tests. Decisions are aged out by event
/// time, not the wall clock, so replaying history behaves the same on any day.
/// </summary>
internal sealed partial class InMemoryBehaviorStore(IOptionsMonitor<StateOptions> options) : IBehaviorStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LearnerHistory> learners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceActivity> sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Decision> decisions = new(StringComparer.Ordinal);
    private readonly HashSet<string> published = new(StringComparer.Ordinal);
    private readonly HashSet<string> parked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tombstone> tombstones = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> decisionExpiry = new();

    public ValueTask<BehaviorBatch> BeginAsync(IReadOnlyList<EnrichedEvent> events, SourceLookback lookback, CancellationToken cancellationToken)
    {
        var loadedLearners = new Dictionary<string, StoredHistory>(StringComparer.Ordinal);
        var loadedSources = new Dictionary<string, SourceActivity>(StringComparer.Ordinal);
        var previous = new Dictionary<string, Decision>(StringComparer.Ordinal);
        var parkedBefore = new List<string>();
        var erased = new List<Tombstone>();
        lock (gate)
        {
            foreach (var enriched in events)
            {
                var keys = enriched.Keys;
                var filedUnder = FiledUnder(enriched);
                if (tombstones.TryGetValue(filedUnder, out var tombstone))
                {
                    erased.Add(tombstone with { Learner = keys.Learner });
                }

                if (learners.TryGetValue(filedUnder, out var history))
                {
                    loadedLearners[keys.Learner] = new StoredHistory([], history);
                }

                var key = BehaviorBatch.DecisionKey(enriched);
                var filedKey = BehaviorBatch.DecisionKey(filedUnder, enriched.Event.EventId);
                if (decisions.TryGetValue(key, out var decision) || decisions.TryGetValue(filedKey, out decision))
                {
                    previous[key] = decision with { Duplicate = published.Contains(key) || published.Contains(filedKey) };
                    if (parked.Contains(key) || parked.Contains(filedKey))
                    {
                        parkedBefore.Add(key);
                    }
                }
            }

            foreach (var (key, _, _, from) in BehaviorBatch.Sources(events, lookback))
            {
                if (sources.TryGetValue(key, out var activity))
                {
                    loadedSources[key] = new SourceActivity(activity.Failures.TakeWhile(f => f.At >= from).ToList());
                }
            }
        }

        return ValueTask.FromResult(new BehaviorBatch(loadedLearners, loadedSources, previous, erased.Distinct(), options.CurrentValue, parkedBefore));
    }

    /// <summary>Applies each event to the state as it is now, not as it was read: in one process nothing is lost by that.</summary>
    public ValueTask<Committed> CommitAsync(BehaviorBatch batch, IReadOnlyList<RecordedEvent> records, CancellationToken cancellationToken)
    {
        var settings = batch.Options;
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        var erased = new HashSet<string>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var (enriched, decision) in batch.Check(records))
            {
                // As in Redis: an unknown user's failure counts for its sources only, which add it once by eventId.
                if (enriched.Event.NamesNoAccount)
                {
                    Apply(BehaviorBatch.AddressKey(enriched.Keys), enriched, settings);
                    Apply(BehaviorBatch.NetworkKey(enriched.Keys), enriched, settings);
                    continue;
                }

                var key = BehaviorBatch.DecisionKey(enriched);
                if (decisions.ContainsKey(key))
                {
                    duplicates.Add(enriched.Event.EventId);
                    continue;
                }

                // Erased since the batch was read: as the Redis store's script refuses it.
                if (tombstones.GetValueOrDefault(enriched.Keys.Learner)?.Covers(enriched.Event.OccurredAt) == true)
                {
                    erased.Add(enriched.Event.EventId);
                    continue;
                }

                decisions.Add(key, decision);

                decisionExpiry.Enqueue(key, enriched.Event.OccurredAt + settings.DecisionRetention);
                ForgetDecisionsBefore(enriched.Event.OccurredAt);
                var keys = enriched.Keys;
                var filedUnder = FiledUnder(enriched);
                learners[keys.Learner] = HistoryUpdate.Apply(learners.GetValueOrDefault(filedUnder, LearnerHistory.Empty), enriched, decision.Assessment(), settings);
                if (filedUnder != keys.Learner)
                {
                    learners.Remove(filedUnder);
                }

                Apply(BehaviorBatch.AddressKey(keys), enriched, settings);
                Apply(BehaviorBatch.NetworkKey(keys), enriched, settings);
            }
        }

        return ValueTask.FromResult(new Committed(duplicates, erased));
    }

    /// <summary>Kept as long as this process runs: the replay and the tests it serves are shorter than any lookback.</summary>
    public ValueTask LayTombstoneAsync(Tombstone tombstone, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            tombstones[tombstone.Learner] = Tombstone.Latest(tombstones.GetValueOrDefault(tombstone.Learner), tombstone);
            learners.Remove(tombstone.Learner);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask MarkPublishedAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken) =>
        Mark(publications, parking: false);

    public ValueTask MarkParkedAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken) =>
        Mark(publications, parking: true);

    /// <summary>
    /// The key the learner's state is filed under: the current one, unless they have nothing there (no history, no
    /// tombstone) and something under a hash key rotated out, whose history moves to the current key with their next event.
    /// </summary>
    private string FiledUnder(EnrichedEvent enriched)
    {
        var learner = enriched.Keys.Learner;
        if (enriched.Previous is not { } previousKeys || learners.ContainsKey(learner) || tombstones.ContainsKey(learner))
        {
            return learner;
        }

        foreach (var previous in previousKeys)
        {
            if (learners.ContainsKey(previous.Keys.Learner) || tombstones.ContainsKey(previous.Keys.Learner) || decisions.ContainsKey(BehaviorBatch.DecisionKey(previous.Keys.Learner, enriched.Event.EventId)))
            {
                return previous.Keys.Learner;
            }
        }

        return learner;
    }

    /// <summary>
    /// A mark lives no longer than its decision: a decision gone (expired or erased) gets none. Published stands over
    /// parked: the decision went out after all.
    /// </summary>
    private ValueTask Mark(IReadOnlyList<Publication> publications, bool parking)
    {
        lock (gate)
        {
            foreach (var (learner, eventId) in publications)
            {
                var key = BehaviorBatch.DecisionKey(learner, eventId);
                if (!decisions.ContainsKey(key))
                {
                    continue;
                }

                if (!parking)
                {
                    published.Add(key);
                    parked.Remove(key);
                }
                else if (!published.Contains(key))
                {
                    parked.Add(key);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Apply(string source, EnrichedEvent enriched, StateOptions settings) =>
        sources[source] = Failures.Apply(sources.GetValueOrDefault(source, SourceActivity.Empty), enriched, settings);

    private void ForgetDecisionsBefore(DateTimeOffset now)
    {
        while (decisionExpiry.TryPeek(out var key, out var expiresAt) && expiresAt < now)
        {
            decisionExpiry.Dequeue();
            decisions.Remove(key);
            published.Remove(key);
            parked.Remove(key);
        }
    }
}
