using LoginGuard.Tools.Training;

namespace LoginGuard.Tools.Evaluation;

/// <summary>Scores the streams, then writes report.md and one ROC chart per kind of event into the output folder.</summary>
internal static class EvaluationReport
{
    public const string ReportFile = "report.md";

    public static async Task<IReadOnlyList<KindMetrics>> WriteAsync(
        IReadOnlyList<(string Events, string Labels)> streams, string geoIpDirectory, string modelPath, string outputDirectory, CancellationToken cancellationToken)
    {
        var events = await EvaluationRun.ScoreAsync(streams, geoIpDirectory, modelPath, cancellationToken);
        using var environment = new ReplayEnvironment(geoIpDirectory, modelPath);
        var metrics = EvaluationSummary.Metrics(events, environment.Levels);
        var scenarios = EvaluationSummary.Scenarios(events, metrics);
        var model = environment.Model.Metadata;

        Directory.CreateDirectory(outputDirectory);
        await File.WriteAllTextAsync(
            Path.Combine(outputDirectory, ReportFile),
            MarkdownReport.Render(metrics, scenarios, events, $"{model.Version}, {model.Trainer}, seed {model.Seed}"),
            cancellationToken);
        foreach (var kind in EvaluationSummary.Kinds.Where(k => events.Any(e => e.Kind == k)))
        {
            RocPlot.Write(events, kind, Path.Combine(outputDirectory, $"roc-{kind}.png"));
        }

        return metrics;
    }
}
