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
    private readonly Dictionary<string, Decision> previous;
    private readonly Dictionary<string, Tombstone> tombstones;
    private readonly HashSet<string> parked;
    private readonly IReadOnlyDictionary<string, long> sourceVersions;
    private readonly HashSet<string> recorded = new(StringComparer.Ordinal);
    private readonly StateOptions options;

    /// <param name="learners">Each learner's history as stored, with the version it was read at.</param>
    /// <param name="sources">The failures of each address and network, keyed by <see cref="AddressKey(StateKeys)"/> and <see cref="NetworkKey(StateKeys)"/>.</param>
    /// <param name="previous">Decisions already recorded for the batch's events, keyed by <see cref="DecisionKey(EnrichedEvent)"/>.</param>
    /// <param name="tombstones">The tombstones of the batch's erased learners.</param>
    /// <param name="parked">Keys of <paramref name="previous"/> whose events were parked (<see cref="IBehaviorStore.MarkParkedAsync"/>).</param>
    /// <param name="sourceVersions">The version each of <paramref name="sources"/> was read at, for a store that keeps sources between batches.</param>
    public BehaviorBatch(
        IReadOnlyDictionary<string, StoredHistory> learners,
        IReadOnlyDictionary<string, SourceActivity> sources,
        IReadOnlyDictionary<string, Decision> previous,
        IEnumerable<Tombstone> tombstones,
        StateOptions options,
        IEnumerable<string>? parked = null,
        IReadOnlyDictionary<string, long>? sourceVersions = null)
    {
        this.parked = new HashSet<string>(parked ?? [], StringComparer.Ordinal);
        this.sourceVersions = sourceVersions ?? new Dictionary<string, long>();
        Loaded = learners;
        this.learners = learners.ToDictionary(pair => pair.Key, pair => pair.Value.History, StringComparer.Ordinal);
        this.sources = new Dictionary<string, SourceActivity>(sources, StringComparer.Ordinal);
        this.previous = new Dictionary<string, Decision>(previous, StringComparer.Ordinal);
        this.tombstones = tombstones.ToDictionary(t => t.Learner, StringComparer.Ordinal);
        this.options = options;
    }

    /// <summary>The learners' state as it was read, for a store that writes only over what it read.</summary>
    public IReadOnlyDictionary<string, StoredHistory> Loaded { get; }

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

    public static string AddressKey(StateKeys keys) => AddressKey(keys.Address);

    public static string NetworkKey(StateKeys keys) => NetworkKey(keys.Network);

    public static string AddressKey(string address) => "ip:" + address;

    public static string NetworkKey(string network) => "net:" + network;

    public static string DecisionKey(EnrichedEvent enriched) => DecisionKey(enriched.Keys.Learner, enriched.Event.EventId);

    public static string DecisionKey(string learner, string eventId) => learner + "/" + eventId;

    public BehaviorSnapshot Snapshot(EnrichedEvent enriched) => new(
        HistoryUpdate.AsOf(Rekeying.Rekey(History(enriched.Keys.Learner), enriched), enriched.Event.OccurredAt, options),
        sources.GetValueOrDefault(AddressKey(enriched.Keys), SourceActivity.Empty),
        sources.GetValueOrDefault(NetworkKey(enriched.Keys), SourceActivity.Empty),
        previous.GetValueOrDefault(DecisionKey(enriched)));

    /// <summary>
    /// Whether the event is one its learner's erasure took: dated at or before their tombstone. Such an event is never
    /// recorded. A failure for an unknown user names no learner, so nothing of it was erased.
    /// </summary>
    public bool IsErased(EnrichedEvent enriched) =>
        !enriched.Event.NamesNoAccount && tombstones.TryGetValue(enriched.Keys.Learner, out var tombstone) && tombstone.Covers(enriched.Event.OccurredAt);

    /// <summary>Whether the event's decision was refused by the cluster for good, and the event parked, on an earlier delivery.</summary>
    public bool WasParked(EnrichedEvent enriched) => parked.Contains(DecisionKey(enriched));

    /// <summary>Whether this batch already recorded the event: its producer sent it twice and both copies came in one batch.</summary>
    public bool HasRecorded(EnrichedEvent enriched) => recorded.Contains(DecisionKey(enriched));

    /// <summary>
    /// Folds an assessed event into the batch's state, so the events after it are scored against it. An event
    /// decided before (its snapshot said so) or already recorded in this batch cannot be recorded again, nor one its
    /// learner's erasure took. A failure for an unknown user counts for its address and network only.
    /// </summary>
    public void Record(EnrichedEvent enriched, RiskAssessment assessment)
    {
        if (IsErased(enriched))
        {
            throw new InvalidOperationException($"Event {enriched.Event.EventId} is dated before its learner's erasure; it brings nothing back.");
        }

        var key = DecisionKey(enriched);
        if (previous.ContainsKey(key) || !recorded.Add(key))
        {
            throw new InvalidOperationException($"Event {enriched.Event.EventId} was already decided; record a redelivery as a duplicate instead.");
        }

        var keys = enriched.Keys;
        if (!enriched.Event.NamesNoAccount)
        {
            learners[keys.Learner] = HistoryUpdate.Apply(History(keys.Learner), enriched, assessment, options);
        }

        sources[AddressKey(keys)] = Failures.Apply(sources.GetValueOrDefault(AddressKey(keys), SourceActivity.Empty), enriched, options);
        sources[NetworkKey(keys)] = Failures.Apply(sources.GetValueOrDefault(NetworkKey(keys), SourceActivity.Empty), enriched, options);
    }

    /// <summary>Checks that every record to write is of an event this batch recorded, so the state it writes is the one they produced.</summary>
    public IReadOnlyList<RecordedEvent> Check(IReadOnlyList<RecordedEvent> records)
    {
        if (records.FirstOrDefault(r => !recorded.Contains(DecisionKey(r.Enriched))) is { } stranger)
        {
            throw new ArgumentException($"Event {stranger.Enriched.Event.EventId} was not recorded in this batch.", nameof(records));
        }

        return records;
    }

    /// <summary>The failures of an address or network (<see cref="AddressKey(string)"/>, <see cref="NetworkKey(string)"/>) after every event this batch recorded.</summary>
    public SourceActivity Source(string key) => sources.GetValueOrDefault(key, SourceActivity.Empty);

    /// <summary>The version the store read the source at, 0 when it keeps none.</summary>
    public long SourceVersion(string key) => sourceVersions.GetValueOrDefault(key);

    /// <summary>The learner's history after every event of theirs this batch recorded.</summary>
    public LearnerHistory History(string learner) => learners.GetValueOrDefault(learner, LearnerHistory.Empty);
}

/// <summary>A recorded event with the decision to keep for it.</summary>
internal sealed record RecordedEvent(EnrichedEvent Enriched, Decision Decision);
