using LoginGuard.Contracts;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;

namespace LoginGuard.Scoring;

/// <summary>
/// Runs the rule set in force over an event. Weighted hits combine as independent evidence
/// (1 − Π(1 − weight·score)), so the score stays in 0..1 however many rules fire and no single
/// weak rule can reach high on its own. The trained model, when enabled, joins as one more weighted
/// hit and scales the novelty rules' hits by its trust in them (<see cref="AnomalyModelRule.Gate"/>):
/// 1 − Π(1 − trust·weight·score) · (1 − weight·model), with trust 1 for every other rule.
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
        var verdict = ruleSet.Model?.Judge(enriched, snapshot);

        // Strong novelty needs the learner's own history behind a discount (AnomalyModelRule.Gate).
        var gate = verdict is null ? null : ruleSet.Model!.Gate(verdict, enriched, snapshot.Learner);
        var trust = gate?.Trust ?? 1;
        var reasons = new List<RiskReason>();
        var unexplained = 1.0;
        var discounted = false;
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

            var counted = rule.Settings.Novelty ? trust : 1;
            reasons.Add(reason);
            unexplained *= 1 - (counted * rule.Settings.Weight * Math.Clamp(reason.Score, 0, 1));
            discounted |= counted < 1 && reason.Score > 0;
        }

        if (verdict is not null)
        {
            unexplained *= AddModel(ruleSet.Model!, verdict, discounted, gate, reasons);
        }

        // Six places, not four: most ordinary sign-ins score below 0.00005, and rounding them all to 0
        // would throw away the order the model gives them, which a service ranking events still reads.
        var score = Math.Round(1 - unexplained, 6);
        return new RiskAssessment(score, ruleSet.Levels.LevelOf(score), reasons, ruleSet.Version);
    }

    /// <summary>
    /// Lists the model's reason when it has one to give and returns its factor of the unexplained risk.
    /// An enforced score counts even below ReportAbove, where it adds no reason: it is too small to move a
    /// level, but it still orders events the rules alone would tie.
    /// </summary>
    private double AddModel(AnomalyModelRule model, ModelVerdict verdict, bool discounted, VouchGate? gate, List<RiskReason> reasons)
    {
        var reason = model.ReasonFor(verdict, discounted, gate);
        var enforced = model.Settings.Mode == RuleMode.Enforce;
        if (reason is not null)
        {
            metrics.Hit(model.Id, model.Settings.Mode);
            reasons.Add(enforced ? reason : reason with { Simulated = true });
        }

        return enforced ? 1 - (model.Settings.Weight * Math.Clamp(verdict.Score, 0, 1)) : 1;
    }

    private static bool InCooldown(IRule rule, EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var at = enriched.Event.OccurredAt;
        return rule.Settings.Cooldown > TimeSpan.Zero
            && snapshot.Learner.RuleFirings.TryGetValue(rule.Id, out var fired)
            && fired <= at && at - fired < rule.Settings.Cooldown;
    }
}
