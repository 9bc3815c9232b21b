using System.Diagnostics.Metrics;

namespace LoginGuard.Scoring;

/// <summary>Meter <c>LoginGuard.Scoring</c>: rule-set reloads by outcome and rule hits by rule and mode.</summary>
internal sealed class ScoringMetrics
{
    public const string MeterName = "LoginGuard.Scoring";

    private readonly Counter<long> reloads;
    private readonly Counter<long> hits;

    public ScoringMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        reloads = meter.CreateCounter<long>("loginguard.scoring.rule_set.reloads", description: "Attempts to load the rules file, by outcome.");
        hits = meter.CreateCounter<long>("loginguard.scoring.rule.hits", description: "Rule findings reported in decisions, by rule and mode.");
    }

    public void Reloaded(ReloadOutcome outcome) =>
        reloads.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()));

    public void Hit(string rule, RuleMode mode) =>
        hits.Add(1, new("rule", rule), new("mode", mode.ToString().ToLowerInvariant()));
}
