using LoginGuard.Contracts;

namespace LoginGuard.State;

/// <summary>
/// The state a batch of events is scored against, read for all of them at once and moved forward in memory
/// as each is decided: the batch's second event of a learner, or its tenth failure from one botnet address,
/// sees the earlier ones exactly as if each had been recorded before the next was loaded. The store then
/// writes what was recorded in one go.
/// </summary>
internal sealed class BehaviorBatch
{
    private readonly Dictionary<string, LearnerHistory> learners;
    private readonly Dictionary<string, SourceActivity> sources;
    private readonly Dictionary<string, Decision> decided;
    private readonly List<RecordedEvent> recorded = [];
    private readonly StateOptions options;

    /// <param name="learners">Each learner's history as stored, with the version it was read at.</param>
    /// <param name="sources">The failures of each address and network, keyed by <see cref="AddressKey"/> and <see cref="NetworkKey"/>.</param>
    /// <param name="previous">Decisions already recorded for the batch's events, keyed by <see cref="DecisionKey(EnrichedEvent)"/>.</param>
    public BehaviorBatch(IReadOnlyDictionary<string, StoredHistory> learners, IReadOnlyDictionary<string, SourceActivity> sources, IReadOnlyDictionary<string, Decision> previous, StateOptions options)
    {
        Loaded = learners;
        this.learners = learners.ToDictionary(pair => pair.Key, pair => pair.Value.History, StringComparer.Ordinal);
        this.sources = new Dictionary<string, SourceActivity>(sources, StringComparer.Ordinal);
        decided = new Dictionary<string, Decision>(previous, StringComparer.Ordinal);
        this.options = options;
    }

    /// <summary>The learners' state as it was read, for a store that writes only over what it read.</summary>
    public IReadOnlyDictionary<string, StoredHistory> Loaded { get; }

    /// <summary>The events recorded in this batch, in the order they were decided.</summary>
    public IReadOnlyList<RecordedEvent> Recorded => recorded;

    public StateOptions Options => options;

    /// <summary>Each address's and network's key, with the earliest time the batch needs its failures from.</summary>
    public static IEnumerable<(string Key, string Hash, bool IsAddress, DateTimeOffset From)> Sources(IReadOnlyList<EnrichedEvent> events, SourceLookback lookback) => events
        .SelectMany(e => new[]
        {
            (Key: AddressKey(e.Keys), Hash: e.Keys.Address, IsAddress: true, From: SourceLookback.From(e.Event.OccurredAt, lookback.Address)),
            (Key: NetworkKey(e.Keys), Hash: e.Keys.Network, IsAddress: false, From: SourceLookback.From(e.Event.OccurredAt, lookback.Network)),
        })
        .GroupBy(source => source.Key, StringComparer.Ordinal)
        .Select(source => source.MinBy(s => s.From));

    public static string AddressKey(StateKeys keys) => "ip:" + keys.Address;

    public static string NetworkKey(StateKeys keys) => "net:" + keys.Network;

    public static string DecisionKey(EnrichedEvent enriched) => DecisionKey(enriched.Keys.Learner, enriched.Event.EventId);

    public static string DecisionKey(string learner, string eventId) => learner + "/" + eventId;

    public BehaviorSnapshot Snapshot(EnrichedEvent enriched) => new(
        HistoryUpdate.AsOf(History(enriched.Keys.Learner), enriched.Event.OccurredAt, options),
        sources.GetValueOrDefault(AddressKey(enriched.Keys), SourceActivity.Empty),
        sources.GetValueOrDefault(NetworkKey(enriched.Keys), SourceActivity.Empty),
        decided.GetValueOrDefault(DecisionKey(enriched)));

    /// <summary>
    /// Folds a decided event into the batch's state. An event decided before (its snapshot said so) cannot be
    /// recorded again. A failure for an unknown user counts for its address and network only.
    /// </summary>
    public void Record(EnrichedEvent enriched, Decision decision)
    {
        if (!decided.TryAdd(DecisionKey(enriched), decision))
        {
            throw new InvalidOperationException($"Event {enriched.Event.EventId} was already decided; record a redelivery as a duplicate instead.");
        }

        var keys = enriched.Keys;
        if (!enriched.Event.NamesNoAccount)
        {
            learners[keys.Learner] = HistoryUpdate.Apply(History(keys.Learner), enriched, decision, options);
        }

        sources[AddressKey(keys)] = Failures.Apply(sources.GetValueOrDefault(AddressKey(keys), SourceActivity.Empty), enriched, options);
        sources[NetworkKey(keys)] = Failures.Apply(sources.GetValueOrDefault(NetworkKey(keys), SourceActivity.Empty), enriched, options);
        recorded.Add(new RecordedEvent(enriched, decision));
    }

    /// <summary>The recorded events with the decisions to keep for them (the recorded ones, completed), checked to be the same events in the same order.</summary>
    public IReadOnlyList<RecordedEvent> Keeping(IReadOnlyList<Decision> decisions)
    {
        if (decisions.Count != recorded.Count || decisions.Where((decision, i) => decision.EventId != recorded[i].Decision.EventId).Any())
        {
            throw new ArgumentException("The decisions to keep must be those of the recorded events, in the order they were recorded.", nameof(decisions));
        }

        return recorded.Select((r, i) => r with { Decision = decisions[i] }).ToList();
    }

    /// <summary>The learner's history after every event of theirs this batch recorded.</summary>
    public LearnerHistory History(string learner) => learners.GetValueOrDefault(learner, LearnerHistory.Empty);
}

internal sealed record RecordedEvent(EnrichedEvent Enriched, Decision Decision);
