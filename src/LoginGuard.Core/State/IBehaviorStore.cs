using LoginGuard.Contracts;

namespace LoginGuard.State;

/// <summary>
/// Behavior state keyed by learner, read and written a batch at a time so a burst costs two round trips
/// per batch rather than several per event. Implementations pass the same contract tests: in-memory for
/// the embedded replay, Redis in production.
/// </summary>
internal interface IBehaviorStore
{
    /// <summary>
    /// Reads the learners' histories, any earlier decision of every event, and the addresses' and networks'
    /// failures from <paramref name="lookback"/> before the earliest event of each source onwards. An earlier
    /// decision comes back marked <see cref="Decision.Duplicate"/> only if its publication was recorded.
    /// </summary>
    ValueTask<BehaviorBatch> BeginAsync(IReadOnlyList<EnrichedEvent> events, SourceLookback lookback, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the state the batch's recorded events produced, and each event's decision, once. Every one of
    /// <paramref name="records"/> must have been recorded in <paramref name="batch"/>. Reports the eventIds another
    /// delivery recorded first, and those of a learner whose tombstone was laid after this batch was read and covers
    /// them: neither changed the learner's state or kept a decision.
    /// </summary>
    ValueTask<Committed> CommitAsync(BehaviorBatch batch, IReadOnlyList<RecordedEvent> records, CancellationToken cancellationToken);

    /// <summary>
    /// Lays the learner's tombstone as part of their erasure: for <c>State:HistoryLookback</c>, every batch sees their
    /// events dated at or before its time as erased (<see cref="BehaviorBatch.IsErased"/>) and no commit records one. The
    /// learner's history goes with it at once, so what they do after the erasure is scored as new whether or not the rest
    /// of the erasure has run yet. A later tombstone moves the time forward, an earlier one leaves it. Idempotent.
    /// </summary>
    ValueTask LayTombstoneAsync(Tombstone tombstone, CancellationToken cancellationToken);

    /// <summary>
    /// Records that these decisions reached their consumers, after the fact, so that a later delivery of the same
    /// event republishes its decision as a duplicate; until then it goes out as the first copy. Idempotent.
    /// </summary>
    ValueTask MarkPublishedAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken);

    /// <summary>
    /// Records that these decisions were refused by the cluster for good and their events parked instead, so that a later
    /// delivery of the same event (<see cref="BehaviorBatch.WasParked"/>) is not parked a second time. A parked decision
    /// is not a published one: it still goes out as the first copy when the cluster takes it. A published mark stands over
    /// a parked one. Idempotent.
    /// </summary>
    ValueTask MarkParkedAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken);
}

/// <summary>The recorded decision of one event of a learner, to mark as published or parked.</summary>
internal sealed record Publication(string Learner, string EventId);

/// <summary>One event at a time, for tools and tests that replay events one by one.</summary>
internal static class BehaviorStoreExtensions
{
    /// <summary>The learner's history as it stood before this event, and any earlier decision for its eventId.</summary>
    public static async ValueTask<BehaviorSnapshot> LoadAsync(this IBehaviorStore store, EnrichedEvent enriched, CancellationToken cancellationToken) =>
        (await store.BeginAsync([enriched], SourceLookback.Everything, cancellationToken)).Snapshot(enriched);

    /// <summary>Records the decision and folds the event into the state, once: false, changing nothing, when the eventId was already recorded or its learner erased since.</summary>
    public static async ValueTask<bool> RecordAsync(this IBehaviorStore store, EnrichedEvent enriched, Decision decision, CancellationToken cancellationToken)
    {
        var batch = await store.BeginAsync([enriched], SourceLookback.Everything, cancellationToken);
        if (batch.Snapshot(enriched).PreviousDecision is not null || batch.IsErased(enriched))
        {
            return false;
        }

        batch.Record(enriched, decision.Assessment());
        return (await store.CommitAsync(batch, [new RecordedEvent(enriched, decision)], cancellationToken)).WroteAll;
    }
}
