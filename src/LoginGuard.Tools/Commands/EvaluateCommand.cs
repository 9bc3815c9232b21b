using System.CommandLine;
using System.Globalization;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.Tools.Evaluation;
using LoginGuard.Worker.Commands;
using LoginGuard.Worker.Terminal;
using Microsoft.Extensions.Options;

namespace LoginGuard.Tools.Commands;

/// <summary><c>loginguard-tools evaluate --events FILE --labels FILE [--out DIR]</c>: the model against the rules alone and the Freeman et al. baseline.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var events = new Option<FileInfo[]>("--events") { Description = "JSON Lines of auth events; repeat to evaluate several streams.", Required = true };
        var labels = new Option<FileInfo[]>("--labels") { Description = "eventId,attack,scenario for each --events file, in the same order.", Required = true };
        var model = new Option<FileInfo>("--model") { Description = "The model to evaluate.", DefaultValueFactory = _ => new FileInfo(Path.Combine("models", "login-anomaly.zip")) };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where report.md, scores.csv and the ROC and precision-recall plots (PNG) are written.", DefaultValueFactory = _ => new DirectoryInfo("evaluation") };
        var warmUpDays = new Option<int>("--warm-up-days")
        {
            Description = "Replay the first DAYS of each stream into the history without scoring them, to measure learners LoginGuard already knows.",
            DefaultValueFactory = _ => 0,
        };
        var geoip = ReplaySources.GeoIpOption();
        var rules = RulesFileOption.Create();
        events.AcceptExistingOnly();
        labels.AcceptExistingOnly();
        var command = new Command("evaluate", "Replay labelled auth events and compare the combined scorer with rules only and Freeman et al.") { events, labels, model, output, warmUpDays, geoip, rules };
        command.Validators.Add(result =>
        {
            if (result.GetValue(events)?.Length != result.GetValue(labels)?.Length)
            {
                result.AddError("--labels: give one labels file per --events file, in the same order.");
            }

            if (result.GetValue(warmUpDays) < 0)
            {
                result.AddError($"--warm-up-days: must be 0 or more (was {result.GetValue(warmUpDays)}).");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = parseResult.InvocationConfiguration;
            var progress = CommandProgress.For("evaluate", console.Output);
            var streams = parseResult.GetRequiredValue(events).Zip(parseResult.GetRequiredValue(labels), (e, l) => (e.FullName, l.FullName)).ToList();
            var directory = parseResult.GetRequiredValue(output).FullName;
            try
            {
                var metrics = await EvaluationReport.WriteAsync(streams, ReplaySources.GeoIpFilesOf(parseResult, geoip),
                    ReplaySources.ConfigurationFiles(parseResult.GetRequiredValue(rules)), parseResult.GetRequiredValue(model).FullName, directory,
                    TimeSpan.FromDays(parseResult.GetValue(warmUpDays)), progress, cancellationToken);
                foreach (var row in metrics.Where(m => m.Stream == EvaluationSummary.AllStreams))
                {
                    var combined = row[Scorer.Combined];
                    console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{row.Kind}: combined AUC {combined.Auc:0.0000}, TPR@1% {combined.TprAt1:0.000}, TPR@5% {combined.TprAt5:0.000} ({row.Attacks} attacks, {row.Legitimate} legitimate)"));
                }

                progress.Finish($"wrote {Path.Combine(directory, EvaluationReport.ReportFile)}, scores.csv and the ROC and precision-recall plots (roc-*.png, pr-*.png)");
                return 0;
            }
            catch (Exception e) when (e is FormatException or AnomalyModelLoadException or OptionsValidationException or IOException)
            {
                await console.Error.WriteLineAsync($"evaluate: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
