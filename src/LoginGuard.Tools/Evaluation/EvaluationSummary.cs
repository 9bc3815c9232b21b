using LoginGuard.Scoring;

namespace LoginGuard.Tools.Evaluation;

/// <summary>One scorer's results on one kind of event.</summary>
/// <param name="CaughtRate">Attacks that reach medium or higher: what the friction buys.</param>
/// <param name="FrictionRate">Legitimate events that reach medium or higher (a step-up or worse for a learner who did nothing wrong).</param>
/// <param name="HighRate">Legitimate events that reach high.</param>
/// <param name="ThresholdAt1">The score that flags at most 1% of legitimate events.</param>
internal sealed record ScorerMetrics(Scorer Scorer, double Auc, double TprAt1, double TprAt5, double CaughtRate, double FrictionRate, double HighRate, double ThresholdAt1);

/// <summary>Every scorer's results on one kind of event in one stream (or all streams pooled).</summary>
internal sealed record KindMetrics(string Stream, string Kind, int Attacks, int Legitimate, IReadOnlyList<ScorerMetrics> Scorers)
{
    public ScorerMetrics this[Scorer scorer] => Scorers.Single(s => s.Scorer == scorer);
}

/// <summary>How often one scenario's events were flagged by each scorer at its 1%-FPR threshold for that kind.</summary>
internal sealed record ScenarioRow(string Kind, string Scenario, bool Attack, int Events, IReadOnlyDictionary<Scorer, double> Flagged);

internal static class EvaluationSummary
{
    public const string AllStreams = "all";

    public static readonly string[] Kinds = ["successful-login", "failed-login", "account-change"];

    public static List<KindMetrics> Metrics(IReadOnlyList<EvaluatedEvent> events, LevelThresholds levels)
    {
        var streams = events.Select(e => e.Stream).Distinct().Order(StringComparer.Ordinal).Append(AllStreams);
        return [.. from stream in streams
                   from kind in Kinds
                   let subset = events.Where(e => e.Kind == kind && (stream == AllStreams || e.Stream == stream)).ToList()
                   where subset.Count > 0
                   select new KindMetrics(stream, kind, subset.Count(e => e.Attack), subset.Count(e => !e.Attack), Enum.GetValues<Scorer>().Select(s => For(subset, s, levels)).ToList())];
    }

    public static List<ScenarioRow> Scenarios(IReadOnlyList<EvaluatedEvent> events, IReadOnlyList<KindMetrics> metrics) =>
        [.. from e in events
            group e by (e.Kind, e.Scenario, e.Attack) into scenario
            orderby Array.IndexOf(Kinds, scenario.Key.Kind), scenario.Key.Attack descending, scenario.Key.Scenario
            let pooled = metrics.Single(m => m.Stream == AllStreams && m.Kind == scenario.Key.Kind)
            select new ScenarioRow(scenario.Key.Kind, scenario.Key.Scenario, scenario.Key.Attack, scenario.Count(),
                Enum.GetValues<Scorer>().ToDictionary(s => s, s => (double)scenario.Count(e => e.Scores[s] >= pooled[s].ThresholdAt1) / scenario.Count()))];

    private static ScorerMetrics For(List<EvaluatedEvent> events, Scorer scorer, LevelThresholds levels)
    {
        var scored = events.Select(e => e.By(scorer)).ToList();
        var (tpr1, threshold1) = RocMetrics.TprAtFpr(scored, 0.01);
        return new ScorerMetrics(
            scorer,
            RocMetrics.Auc(scored),
            tpr1,
            RocMetrics.TprAtFpr(scored, 0.05).Tpr,
            RocMetrics.TruePositiveRate(scored, levels.Medium),
            RocMetrics.FalsePositiveRate(scored, levels.Medium),
            RocMetrics.FalsePositiveRate(scored, levels.High),
            threshold1);
    }
}
