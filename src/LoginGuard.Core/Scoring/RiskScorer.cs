using LoginGuard.Enrichment;
using LoginGuard.State;

namespace LoginGuard.Scoring;

/// <summary>
/// Runs the rule set in force over an event. Weighted hits combine as independent evidence
/// (1 − Π(1 − weight·score)), so the score stays in 0..1 however many rules fire and no single
/// weak rule can reach high on its own.
/// </summary>
/// <remarks>
/// Cooldown: a rule that fired for this learner less than its Cooldown ago (by event time) is not evaluated:
/// no reason, no weight, no new firing. The cooldown therefore runs from the firing that started it and
/// a continuing attack is reported again once it ends. Simulated hits are never recorded as firings, so a
/// simulated rule reports every hit.
/// </remarks>
internal sealed class RiskScorer(RuleSetSource source, ScoringMetrics metrics)
{
    public string RuleSetVersion => source.Current.Version;

    /// <summary>How far back the rules in force read sources' failures: the store reads no further.</summary>
    public SourceLookback SourceLookback => source.Current.SourceLookback;

    public RiskAssessment Assess(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var ruleSet = source.Current;
        var reasons = new List<RiskReason>();
        var unexplained = 1.0;
        foreach (var rule in ruleSet.Rules)
        {
            if (InCooldown(rule, enriched, snapshot) || rule.Evaluate(enriched, snapshot) is not { } reason)
            {
                continue;
            }

            metrics.Hit(rule.Id, rule.Settings.Mode);
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

    private static bool InCooldown(IRule rule, EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var at = enriched.Event.OccurredAt;
        return rule.Settings.Cooldown > TimeSpan.Zero
            && snapshot.Learner.RuleFirings.TryGetValue(rule.Id, out var fired)
            && fired <= at && at - fired < rule.Settings.Cooldown;
    }
}
