using ScottPlot;

namespace LoginGuard.Tools.Evaluation;

/// <summary>One precision–recall chart per kind of event, every scorer on it: beside the ROC chart, what share of flagged events are attacks.</summary>
internal static class PrecisionRecallPlot
{
    public static void Write(IReadOnlyList<EvaluatedEvent> events, string kind, string path)
    {
        var plot = new Plot();
        foreach (var scorer in Enum.GetValues<Scorer>())
        {
            var curve = RocMetrics.PrecisionRecall(events.Where(e => e.Kind == kind).Select(e => e.By(scorer)).ToList());
            var line = plot.Add.ScatterLine(curve.Select(p => p.Recall).ToArray(), curve.Select(p => p.Precision).ToArray());
            line.LegendText = MarkdownReport.NameOf(scorer);
            line.LineWidth = 2;
        }

        plot.Title($"Precision and recall, {kind} (all streams)");
        plot.XLabel("recall (attacks caught)");
        plot.YLabel("precision (flagged events that are attacks)");
        plot.Axes.SetLimits(0, 1.02, 0, 1.02);
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, 800, 560);
    }
}
