using LoginGuard.Contracts;

namespace LoginGuard.Pipeline;

/// <summary>
/// The decision for an event its learner's erasure took (dated before the erasure, or of an account deleted): published
/// like any other, so consumers move on and the security team sees why, but neither scored nor kept, and no mail goes.
/// Scoring it would mean scoring against a history the erasure emptied, and keeping any of it would bring back what was
/// erased.
/// </summary>
internal static class ErasedLearners
{
    /// <summary>The one reason such a decision gives.</summary>
    public const string RuleId = "learner-erased";

    /// <summary>No rule set made it.</summary>
    public const string RuleSetVersion = "erasure";

    private static readonly RiskAssessment Assessment = new(
        0, RiskLevel.None, [new RiskReason(RuleId, 1, "the learner's data was erased and this event is of what was erased: not scored, nothing kept, no mail")], RuleSetVersion);

    public static Decision DecisionFor(EnrichedEvent enriched) => Decision.For(enriched.Event, Assessment, []) with { Context = DecisionContext.Of(enriched) };
}
