using LoginGuard.Pipeline;

namespace LoginGuard.State;

/// <summary>
/// The state an event is scored against, read in one round trip before the event is recorded.
/// <see cref="PreviousDecision"/> is set when this eventId was decided before: a redelivery.
/// </summary>
internal sealed record BehaviorSnapshot(LearnerHistory Learner, Decision? PreviousDecision)
{
    public static BehaviorSnapshot FirstSight(LearnerHistory learner) => new(learner, null);
}
