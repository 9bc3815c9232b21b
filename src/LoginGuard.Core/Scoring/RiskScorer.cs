using LoginGuard.Enrichment;
using LoginGuard.State;
using Microsoft.Extensions.Options;

namespace LoginGuard.Scoring;

/// <summary>
/// Runs the rule set in force over an event. Weighted hits combine as independent evidence
/// (1 − Π(1 − weight·score)), so the score stays in 0..1 however many rules fire and no single
/// weak rule can reach high on its own.
/// </summary>
internal sealed class RiskScorer
{
    private RuleSet current;

    public RiskScorer(IOptionsMonitor<ScoringOptions> options)
    {
        current = RuleSet.From(options.CurrentValue);
        options.OnChange(changed => current = RuleSet.From(changed));
    }

    public string RuleSetVersion => current.Version;

    public RiskAssessment Assess(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var ruleSet = current;
        var reasons = new List<RiskReason>();
        var unexplained = 1.0;
        foreach (var rule in ruleSet.Rules)
        {
            if (rule.Evaluate(enriched, snapshot) is not { } reason)
            {
                continue;
            }

            if (rule.Settings.Mode == RuleMode.Simulate)
            {
                reasons.Add(reason with { Simulated = true });
                continue;
            }

            reasons.Add(reason);
            unexplained *= 1 - (rule.Settings.Weight * Math.Clamp(reason.Score, 0, 1));
        }

        var score = Math.Round(1 - unexplained, 4);
        return new RiskAssessment(score, ruleSet.Levels.LevelOf(score), reasons, ruleSet.Version);
    }
}
