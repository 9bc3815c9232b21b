
namespace LoginGuard.Contracts;

/// <summary>
/// What LoginGuard publishes for every accepted event. A redelivered event gets its original decision
/// again, marked <see cref="Duplicate"/>, so consumers downstream can act idempotently too.
/// </summary>
internal sealed record Decision(
    string EventId,
    string UserId,
    AuthEventType Type,
    DateTimeOffset OccurredAt,
    double RiskScore,
    RiskLevel RiskLevel,
    IReadOnlyList<RiskReason> Reasons,
    IReadOnlyList<AlertKind> Alerts,
    string RuleSetVersion,
    bool Duplicate = false)
{
    /// <summary>What the event was enriched with, for people reading the decision; absent when nothing was learned.</summary>
    public DecisionContext? Context { get; init; }

    public static Decision For(AuthEvent authEvent, RiskAssessment assessment, IReadOnlyList<AlertKind> alerts) => new(
        authEvent.EventId, authEvent.UserId, authEvent.Type, authEvent.OccurredAt, assessment.Score, assessment.Level,
        assessment.Reasons, alerts, assessment.RuleSetVersion);

    /// <summary>The assessment this decision was made from, for a store that folds a kept decision into a history again.</summary>
    public RiskAssessment Assessment() => new(RiskScore, RiskLevel, Reasons, RuleSetVersion);
}
