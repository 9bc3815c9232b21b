using System.Globalization;
using System.Text;

namespace LoginGuard.Tools.Evaluation;

/// <summary>The evaluation as a markdown page: one metrics table per kind of event, then the per-scenario table.</summary>
internal static class MarkdownReport
{
    public static string NameOf(Scorer scorer) => scorer switch
    {
        Scorer.Combined => "combined (rules + model)",
        Scorer.RulesOnly => "rules only",
        Scorer.Freeman => "Freeman et al.",
        Scorer.NaiveNovelty => "naive novelty",
        _ => "model alone",
    };

    public static string Render(
        IReadOnlyList<KindMetrics> metrics, IReadOnlyList<ScenarioRow> scenarios, IReadOnlyList<EvaluatedEvent> events, string setup,
        IReadOnlyList<ScenarioLevels> levels, IReadOnlyList<ShiftCheck> checks)
    {
        var page = new StringBuilder();
        page.AppendLine("# Detection evaluation").AppendLine();
        page.AppendLine(CultureInfo.InvariantCulture, $"Scored with {setup}.").AppendLine();
        page.AppendLine("## Targets, per stream").AppendLine();
        page.AppendLine("The combined default against the naive novelty baseline on each target of issue 15.").AppendLine();
        page.AppendLine("| stream | check | combined | naive novelty | holds |").AppendLine("|---|---|---:|---:|---|");
        foreach (var check in checks)
        {
            page.AppendLine(CultureInfo.InvariantCulture, $"| {check.Stream} | {check.Check} | {check.Combined} | {check.Naive} | {(check.Holds ? "yes" : "**no**")} |");
        }

        page.AppendLine().AppendLine("## Attack scenarios at Medium or above, per stream").AppendLine();
        page.AppendLine("| stream | kind | scenario | events | " + string.Join(" | ", Enum.GetValues<Scorer>().Select(NameOf)) + " |");
        page.AppendLine("|---|---|---|---:|" + string.Concat(Enumerable.Repeat("---:|", Enum.GetValues<Scorer>().Length)));
        foreach (var row in levels)
        {
            page.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Stream} | {row.Kind} | {row.Scenario} | {row.Events} | {string.Join(" | ", Enum.GetValues<Scorer>().Select(s => row.MediumOrAbove[s].ToString("0.000", CultureInfo.InvariantCulture)))} |");
        }

        page.AppendLine();
        page.AppendLine("TPR@x%: attacks caught at the threshold that flags at most x% of legitimate events of that kind. "
            + "attacks ≥medium: attacks whose score reaches the Medium level. legit ≥medium / high: legitimate events whose score reaches the Medium / High level (Scoring:Levels) — friction for learners who did nothing wrong.").AppendLine();
        foreach (var kind in EvaluationSummary.Kinds)
        {
            page.AppendLine(CultureInfo.InvariantCulture, $"## {kind}").AppendLine();
            page.AppendLine("| stream | attacks | legitimate | scorer | ROC AUC | TPR@1% | TPR@5% | attacks ≥medium | legit ≥medium | legit high |");
            page.AppendLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|");
            foreach (var row in metrics.Where(m => m.Kind == kind))
            {
                foreach (var s in row.Scorers)
                {
                    page.AppendLine(CultureInfo.InvariantCulture,
                        $"| {row.Stream} | {row.Attacks} | {row.Legitimate} | {NameOf(s.Scorer)} | {s.Auc:0.0000} | {s.TprAt1:0.000} | {s.TprAt5:0.000} | {s.CaughtRate:0.000} | {s.FrictionRate:0.0000} | {s.HighRate:0.0000} |");
                }
            }

            page.AppendLine();
        }

        page.AppendLine("## Per scenario (all streams)").AppendLine();
        page.AppendLine("Share of each scenario's events flagged at each scorer's own 1%-FPR threshold for that kind of event: high is good for attacks, low for legitimate scenarios.").AppendLine();
        page.AppendLine("| kind | scenario | attack | events | " + string.Join(" | ", Enum.GetValues<Scorer>().Select(NameOf)) + " |");
        page.AppendLine("|---|---|---|---:|" + string.Concat(Enumerable.Repeat("---:|", Enum.GetValues<Scorer>().Length)));
        foreach (var row in scenarios)
        {
            page.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Kind} | {row.Scenario} | {(row.Attack ? "yes" : "no")} | {row.Events} | {string.Join(" | ", Enum.GetValues<Scorer>().Select(s => row.Flagged[s].ToString("0.000", CultureInfo.InvariantCulture)))} |");
        }

        page.AppendLine().AppendLine("## What the model said (the highest-scoring event of each attack scenario)").AppendLine();
        page.AppendLine("| kind | scenario | model score | reason |").AppendLine("|---|---|---:|---|");
        foreach (var example in events.Where(e => e.Attack && e.ModelDetail is not null).GroupBy(e => (e.Kind, e.Scenario)).OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Scenario, StringComparer.Ordinal))
        {
            var top = example.MaxBy(e => e.Scores[Scorer.ModelAlone])!;
            page.AppendLine(CultureInfo.InvariantCulture, $"| {example.Key.Kind} | {example.Key.Scenario} | {top.Scores[Scorer.ModelAlone]:0.000} | {top.ModelDetail} |");
        }

        return page.ToString();
    }
}
