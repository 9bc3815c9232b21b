using LoginGuard.Enrichment;
using LoginGuard.Pipeline;

namespace LoginGuard.State;

/// <summary>
/// Behaviour state keyed by learner. Implementations pass the same contract tests: in-memory for the
/// embedded replay, Redis in production.
/// </summary>
internal interface IBehaviorStore
{
    /// <summary>The learner's history as it stood before this event, and any earlier decision for its eventId.</summary>
    ValueTask<BehaviorSnapshot> LoadAsync(EnrichedEvent enriched, CancellationToken cancellationToken);

    /// <summary>
    /// Records the decision and folds the event into the learner's history, once: returns false, changing
    /// nothing, when the eventId was already recorded by another delivery.
    /// </summary>
    ValueTask<bool> RecordAsync(EnrichedEvent enriched, Decision decision, CancellationToken cancellationToken);
}
