using LoginGuard.Tools.Training;
using LoginGuard.Worker.Terminal;

namespace LoginGuard.Tools.Evaluation;

/// <summary>Scores the streams, then writes report.md, scores.csv and one ROC and one precision–recall chart per kind of event into the output folder.</summary>
internal static class EvaluationReport
{
    public const string ReportFile = "report.md";

    /// <param name="configurationFiles">The worker's settings and rules files the replay decides with, later ones winning.</param>
    /// <param name="warmUp">How much of each stream, from its first event, builds history without being scored.</param>
    public static async Task<IReadOnlyList<KindMetrics>> WriteAsync(
        IReadOnlyList<(string Events, string Labels)> streams,
        GeoIpFiles geoIp,
        IReadOnlyList<string> configurationFiles,
        string modelPath,
        string outputDirectory,
        TimeSpan warmUp,
        CommandProgress progress,
        CancellationToken cancellationToken)
    {
        using var environment = new ReplayEnvironment(geoIp, configurationFiles, modelPath);
        var lines = streams.Sum(s => File.ReadLines(s.Events).LongCount());
        var events = await progress.StageAsync("replay and score", lines, replayed => EvaluationRun.ScoreAsync(streams, environment, warmUp, replayed, cancellationToken));
        return await progress.StageAsync("write the report and plots", null, _ => WriteAsync(events, environment, configurationFiles, outputDirectory, warmUp, cancellationToken));
    }

    private static async Task<IReadOnlyList<KindMetrics>> WriteAsync(
        List<EvaluatedEvent> events, ReplayEnvironment environment, IReadOnlyList<string> configurationFiles, string outputDirectory, TimeSpan warmUp, CancellationToken cancellationToken)
    {
        var metrics = EvaluationSummary.Metrics(events, environment.Levels);
        var scenarios = EvaluationSummary.Scenarios(events, metrics);
        var model = environment.Model.Metadata;
        var setup = $"model {model.Version}, {model.Trainer}, seed {model.Seed}; rules {environment.RuleSetVersion} from {string.Join(" + ", configurationFiles.Select(Path.GetFileName))}"
            + (warmUp > TimeSpan.Zero ? $"; the first {warmUp.TotalDays:0.##} days of each stream built history and were not scored" : "");

        Directory.CreateDirectory(outputDirectory);
        var levels = ShiftChecks.Levels(events, environment.Levels);
        var checks = ShiftChecks.Checks(events, metrics, levels, environment.Levels);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, ReportFile), MarkdownReport.Render(metrics, scenarios, events, setup, levels, checks), cancellationToken);
        await ScoresFile.WriteAsync(events, Path.Combine(outputDirectory, ScoresFile.FileName), cancellationToken);
        foreach (var kind in EvaluationSummary.Kinds.Where(k => events.Any(e => e.Kind == k)))
        {
            RocPlot.Write(events, kind, Path.Combine(outputDirectory, $"roc-{kind}.png"));
            PrecisionRecallPlot.Write(events, kind, Path.Combine(outputDirectory, $"pr-{kind}.png"));
        }

        foreach (var stream in events.Select(e => e.Stream).Distinct().Where(_ => events.Select(e => e.Stream).Distinct().Count() > 1))
        {
            var name = Path.GetDirectoryName(stream) is { Length: > 0 } folder ? folder : Path.GetFileNameWithoutExtension(stream);
            RocPlot.Write(events.Where(e => e.Stream == stream).ToList(), "successful-login", Path.Combine(outputDirectory, $"roc-{name}-successful-login.png"), name);
        }

        return metrics;
    }
}
