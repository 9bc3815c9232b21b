using LoginGuard.Scoring;

namespace LoginGuard.Tools.Evaluation;

/// <summary>
/// Adds the model's reason to the rules' assessment exactly as <see cref="RiskScorer"/> adds any rule's:
/// a simulated reason is reported only; an enforced one joins as independent evidence, 1 − Π(1 − weight·score).
/// The rule engine is being rewritten; until its factory builds the model rule, this is that one step.
/// </summary>
internal static class CombinedAssessment
{
    public static RiskAssessment Of(RiskAssessment rules, RiskReason? model, RuleSettings settings, LevelThresholds levels)
    {
        if (model is null)
        {
            return rules;
        }

        if (settings.Mode == RuleMode.Simulate)
        {
            return rules with { Reasons = [.. rules.Reasons, model with { Simulated = true }] };
        }

        var score = Math.Round(1 - ((1 - rules.Score) * (1 - (settings.Weight * Math.Clamp(model.Score, 0, 1)))), 4);
        return new RiskAssessment(score, levels.LevelOf(score), [.. rules.Reasons, model], rules.RuleSetVersion);
    }
}
