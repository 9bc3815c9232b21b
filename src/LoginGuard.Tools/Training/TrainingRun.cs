using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.Tools.Evaluation;
using LoginGuard.Worker.Replay;
using LoginGuard.Worker.Terminal;
using Microsoft.ML;

namespace LoginGuard.Tools.Training;

/// <summary>
/// <c>loginguard-tools train</c>: replays each stream through the real enrichment and an in-memory store,
/// featurises every labelled event as it was at the time, fits with a fixed seed, and writes the
/// model with metadata enough to trust it and to make it again.
/// </summary>
internal static class TrainingRun
{
    public const string ModelFile = "login-anomaly.zip";

    public static async Task<AnomalyModelMetadata> RunAsync(TrainingRequest request, TextWriter output, CommandProgress progress, CancellationToken cancellationToken)
    {
        var (rows, population) = await FeaturiseAsync(request, output, progress, cancellationToken);
        var context = AnomalyModel.CreateContext(request.Seed);
        var model = await progress.ComputeAsync($"fit {request.Kind}", null, _ => ModelTrainer.Fit(context, rows, request.Kind, request.Seed));

        Directory.CreateDirectory(request.OutputDirectory);
        var modelPath = Path.Combine(request.OutputDirectory, ModelFile);
        context.Model.Save(model, context.Data.LoadFromEnumerable(Array.Empty<LoginFeatures>()).Schema, modelPath);

        var metadata = new AnomalyModelMetadata(
            AnomalyModel.VersionOf(modelPath),
            ModelTrainer.Describe(request.Kind),
            request.Seed,
            LoginFeatures.Names,
            DataHash(request),
            request.EventsFiles.Concat(request.LabelsFiles).Select(f => $"{Path.GetFileName(Path.GetDirectoryName(f))}/{Path.GetFileName(f)}").ToList(),
            request.Command,
            rows.Count,
            rows.Count(r => r.Label),
            InSampleMetrics(context, model, rows),
            BenignBaseline.Of(rows),
            population,
            "Microsoft.ML " + typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]);
        await File.WriteAllBytesAsync(AnomalyModel.MetadataPathFor(modelPath), JsonSerializer.SerializeToUtf8Bytes(metadata, AnomalyJsonContext.Default.AnomalyModelMetadata), cancellationToken);
        progress.Finish($"trained on {rows.Count:N0} events ({metadata.AttackEvents:N0} attacks); wrote {modelPath} ({metadata.Version})");
        return metadata;
    }

    /// <summary>
    /// Two passes: the population is counted over the whole history first, as the worker will read it
    /// from the finished model, then every event is featurised against it.
    /// </summary>
    private static async Task<(List<TrainingRow> Rows, Population Population)> FeaturiseAsync(
        TrainingRequest request, TextWriter output, CommandProgress progress, CancellationToken cancellationToken)
    {
        var lines = request.EventsFiles.Sum(f => File.ReadLines(f).LongCount());
        var rows = new List<TrainingRow>();
        using var environment = new ReplayEnvironment(request.GeoIp, request.ConfigurationFiles, modelPath: null);
        // Without labels files (only the Impostor trainer takes none) every event is the platform's own history.
        var streams = request.EventsFiles.Select((events, i) => i < request.LabelsFiles.Count
            ? (Events: events, Labels: LabelFile.Read(request.LabelsFiles[i]), LabelsFile: request.LabelsFiles[i])
            : (Events: events, Labels: (IReadOnlyDictionary<string, EventLabel>?)null, LabelsFile: "")).ToList();
        var counter = new PopulationCounter();
        await progress.ComputeAsync("count the population", lines, counted =>
        {
            var seen = 0L;
            foreach (var (events, labels, _) in streams)
            {
                foreach (var enriched in EventReplay.Enriched(events, environment))
                {
                    counted.Report(++seen);

                    // Unlabelled events are left out here as they are from training: on history labelled by learners'
                    // answers most attacks carry no label, and a botnet's network must not count as the learners'.
                    // A history with no labels at all is the platform's own, counted as it is.
                    if (labels is null)
                    {
                        counter.Add(enriched, attack: false);
                    }
                    else if (labels.TryGetValue(enriched.Event.EventId, out var label))
                    {
                        counter.Add(enriched, label.Attack);
                    }
                }
            }
        });

        var population = counter.Build();
        var impostors = request.Kind == ModelKind.Impostor ? new Impostors(request.Seed) : null;
        var leftOut = new List<string>();
        await progress.StageAsync("replay and featurise", lines, async featurised =>
        {
            var seen = 0L;
            foreach (var (events, labels, labelsFile) in streams)
            {
                var unlabelled = 0;
                await EventReplay.RunAsync(events, environment, population, step =>
                {
                    featurised.Report(++seen);
                    EventLabel? label = labels is null ? null : labels.GetValueOrDefault(step.Enriched.Event.EventId);
                    if (label is not null)
                    {
                        rows.Add(new TrainingRow { Features = step.Features.Features, Label = label.Attack, Scenario = label.Scenario });
                    }
                    else if (impostors is not null)
                    {
                        rows.Add(new TrainingRow { Features = step.Features.Features, Label = false, Scenario = "own" });
                    }
                    else
                    {
                        unlabelled++;
                    }

                    // A labelled attack is neither a learner's own event nor a source for impostors.
                    if (impostors is not null && label is not { Attack: true })
                    {
                        if (impostors.Against(step, population) is { } impostor)
                        {
                            rows.Add(new TrainingRow { Features = impostor.Features, Label = true, Scenario = "impostor" });
                        }

                        impostors.Remember(step);
                    }
                }, cancellationToken);
                if (unlabelled > 0)
                {
                    leftOut.Add($"{events}: {unlabelled} events have no label in {labelsFile} and were left out.");
                }
            }
        });

        // Said after the stage, so a progress bar does not draw over it.
        leftOut.ForEach(output.WriteLine);
        return (rows, population);
    }

    /// <summary>How well the model separates the data it was fitted on: a sanity check, not an evaluation (that is <c>loginguard-tools evaluate</c> on other data).</summary>
    private static Dictionary<string, double> InSampleMetrics(MLContext context, ITransformer model, List<TrainingRow> rows)
    {
        var predictions = context.Data.CreateEnumerable<LoginModelOutput>(model.Transform(context.Data.LoadFromEnumerable(rows)), reuseRowObject: false).ToList();
        var scored = rows.Zip(predictions, (row, prediction) => (Kind: FeatureBaseline.KindOf(new LoginFeatures { Features = row.Features }), Scored: new Scored(prediction.Probability, row.Label))).ToList();
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        // A kind with one class only (failed sign-ins get no impostors) has no AUC to report.
        foreach (var kind in scored.GroupBy(s => s.Kind).Where(g => g.Any(s => s.Scored.Attack) && g.Any(s => !s.Scored.Attack)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            metrics[$"in-sample-auc:{kind.Key}"] = Math.Round(RocMetrics.Auc(kind.Select(k => k.Scored).ToList()), 4);
        }

        return metrics;
    }

    private static string DataHash(TrainingRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in request.EventsFiles.Concat(request.LabelsFiles))
        {
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
