using System.CommandLine;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.Tools.Training;
using LoginGuard.Worker.Commands;
using LoginGuard.Worker.Terminal;
using Microsoft.Extensions.Options;

namespace LoginGuard.Tools.Commands;

/// <summary><c>loginguard-tools train --events FILE --labels FILE [--seed 1] [--out models/]</c>: fits the model the <c>anomaly-model</c> rule scores with.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var events = new Option<FileInfo[]>("--events") { Description = "JSON Lines of auth events, replayed in order; repeat to train on several streams.", Required = true };
        var labels = new Option<FileInfo[]>("--labels") { Description = "eventId,attack,scenario for each --events file, in the same order; optional for --trainer Impostor, which learns from unlabelled history." };
        var seed = new Option<int>("--seed") { Description = "Seed for every random choice in training.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where login-anomaly.zip and login-anomaly.json are written.", DefaultValueFactory = _ => new DirectoryInfo("models") };
        var trainer = new Option<ModelKind>("--trainer") { Description = "LightGbm (supervised), Pca (learns legitimate events, labels calibrate it) or Impostor (learns each learner's own events against other learners'; no labels needed).", DefaultValueFactory = _ => ModelKind.LightGbm };
        var geoip = ReplaySources.GeoIpOption();
        var rules = RulesFileOption.Create();
        events.AcceptExistingOnly();
        labels.AcceptExistingOnly();
        var command = new Command("train", "Train the login anomaly model from replayed, labelled auth events.") { events, labels, seed, output, trainer, geoip, rules };
        command.Validators.Add(result =>
        {
            var labelCount = result.GetValue(labels)?.Length ?? 0;
            if (labelCount == 0 && result.GetValue(trainer) != ModelKind.Impostor)
            {
                result.AddError($"--labels: --trainer {result.GetValue(trainer)} needs one labels file per --events file. Without labels, use --trainer Impostor.");
            }
            else if (labelCount != 0 && result.GetValue(events)?.Length != labelCount)
            {
                result.AddError("--labels: give one labels file per --events file, in the same order, or none with --trainer Impostor.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var eventFiles = parseResult.GetRequiredValue(events);
            var labelFiles = parseResult.GetValue(labels) ?? [];
            var kind = parseResult.GetValue(trainer);
            var request = new TrainingRequest(
                eventFiles.Select(f => f.FullName).ToList(),
                labelFiles.Select(f => f.FullName).ToList(),
                parseResult.GetValue(seed),
                parseResult.GetRequiredValue(output).FullName,
                kind,
                ReplaySources.GeoIpFilesOf(parseResult, geoip),
                ReplaySources.ConfigurationFiles(parseResult.GetRequiredValue(rules)),
                $"loginguard-tools train {string.Join(" ", eventFiles.Select((e, i) => $"--events {Short(e)}" + (i < labelFiles.Length ? $" --labels {Short(labelFiles[i])}" : "")))} --seed {parseResult.GetValue(seed)} --trainer {kind}{RulesArgument(parseResult.GetRequiredValue(rules))}");
            try
            {
                var output = parseResult.InvocationConfiguration.Output;
                await TrainingRun.RunAsync(request, output, CommandProgress.For("train", output), cancellationToken);
                return 0;
            }
            catch (Exception e) when (e is FormatException or AnomalyModelLoadException or OptionsValidationException or IOException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"train: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>A rules file other than the one the worker ships decides what the replay records, so the command must name it to be made again.</summary>
    private static string RulesArgument(FileInfo rules) =>
        rules.FullName == Path.GetFullPath(Worker.Hosting.RulesFile.DefaultPath) ? "" : $" --rules {Short(rules)}";

    /// <summary>The file with its folder's name (seed-101/events.jsonl): enough to tell streams apart without recording where they sat on one machine.</summary>
    private static string Short(FileInfo file) => $"{file.Directory?.Name}/{file.Name}";
}
