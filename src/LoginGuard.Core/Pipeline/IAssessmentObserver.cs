using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Pipeline;

/// <summary>
/// Sees each event the pipeline scores, with the state it was scored against, before that event is recorded.
/// Training and evaluation read their features through it, so they learn from exactly what the worker decides
/// on (the same window, redelivery and erasure rules) instead of from a loop of their own. The worker registers none.
/// </summary>
internal interface IAssessmentObserver
{
    void Assessed(EnrichedEvent enriched, BehaviorSnapshot snapshot, RiskAssessment assessment);
}
