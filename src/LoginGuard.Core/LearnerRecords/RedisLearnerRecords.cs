using LoginGuard.Activity;
using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.State;

namespace LoginGuard.LearnerRecords;

/// <summary>
/// What the security team and the learner read one piece at a time: one decision, found through the learner or
/// through its eventId alone, and the learner's recent activity. The export is <see cref="LearnerExporter"/>'s.
/// </summary>
internal sealed class RedisLearnerRecords(RedisBehaviorStore decisions, StateKeyMaker stateKeys, IActivityLog activity)
{
    /// <summary>
    /// The decision made for the learner's event, while <c>State:DecisionRetention</c> keeps it, with the learner's
    /// hash; null when unknown.
    /// </summary>
    public async Task<(Decision Decision, string Learner)?> DecisionAsync(string userId, string eventId, CancellationToken cancellationToken)
    {
        var learner = stateKeys.Learner(userId);
        return await decisions.DecisionAsync(learner, eventId, cancellationToken) is { } decision ? (decision with { UserId = userId }, learner) : null;
    }

    /// <summary>
    /// The decision made for an event, found through the event's owner, with the owner's hash; null when unknown,
    /// expired or erased. Its userId is "": Redis keeps none, and this lookup is not given one.
    /// </summary>
    public async Task<(Decision Decision, string Learner)?> DecisionAsync(string eventId, CancellationToken cancellationToken) =>
        await decisions.OwnerOfAsync(eventId, cancellationToken) is { } owner && await decisions.DecisionAsync(owner, eventId, cancellationToken) is { } decision
            ? (decision, owner)
            : null;

    public Task<IReadOnlyList<ActivityEntry>> ActivityAsync(string userId, CancellationToken cancellationToken) =>
        activity.ReadAsync(stateKeys.Learner(userId), cancellationToken);
}
