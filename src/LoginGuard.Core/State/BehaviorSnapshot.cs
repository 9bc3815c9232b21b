using LoginGuard.Contracts;

namespace LoginGuard.State;

/// <summary>
/// The state an event is scored against, read before the event is recorded: the learner's history and the
/// recent activity of the event's address and network. <see cref="PreviousDecision"/> is set when this
/// eventId was decided before: a redelivery.
/// </summary>
internal sealed record BehaviorSnapshot(LearnerHistory Learner, SourceActivity Address, SourceActivity Network, Decision? PreviousDecision)
{
    public static BehaviorSnapshot FirstSight(LearnerHistory learner) => new(learner, SourceActivity.Empty, SourceActivity.Empty, null);
}
