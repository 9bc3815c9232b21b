using ScottPlot;

namespace LoginGuard.Tools.Evaluation;

/// <summary>One ROC chart per kind of event, every scorer on it. The x axis stops at 20% FPR: beyond that no one would deploy a threshold.</summary>
internal static class RocPlot
{
    /// <param name="stream">The stream the events come from, for the title; null when all streams are pooled.</param>
    public static void Write(IReadOnlyList<EvaluatedEvent> events, string kind, string path, string? stream = null)
    {
        var plot = new Plot();
        foreach (var scorer in Enum.GetValues<Scorer>())
        {
            var curve = RocMetrics.Curve(events.Where(e => e.Kind == kind).Select(e => e.By(scorer)).ToList());
            var line = plot.Add.ScatterLine(curve.Select(p => p.Fpr).ToArray(), curve.Select(p => p.Tpr).ToArray());
            line.LegendText = MarkdownReport.NameOf(scorer);
            line.LineWidth = 2;
        }

        plot.Title($"ROC, {kind} ({stream ?? "all streams"})");
        plot.XLabel("false-positive rate (legitimate events flagged)");
        plot.YLabel("true-positive rate (attacks caught)");
        plot.Axes.SetLimits(0, 0.2, 0, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 800, 560);
    }
}
