using System.Text.Json;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.Testing;
using LoginGuard.Tools.Training;

namespace LoginGuard.Core.Tests.Anomaly;

/// <summary>
/// A real model trained in well under a second on rows where a sign-in from a new country is an attack,
/// written with its metadata into a temporary folder the fixture deletes.
/// </summary>
public sealed class TinyModel : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("loginguard-model-");

    public TinyModel()
    {
        var rows = Enumerable.Range(0, 400).Select(Row).ToList();
        var context = AnomalyModel.CreateContext(seed: 1);
        var model = ModelTrainer.Fit(context, rows, ModelKind.LightGbm, seed: 1);
        Path = System.IO.Path.Combine(directory.FullName, "login-anomaly.zip");
        context.Model.Save(model, context.Data.LoadFromEnumerable(Array.Empty<LoginFeatures>()).Schema, Path);
        var metadata = new AnomalyModelMetadata(
            AnomalyModel.VersionOf(Path), "tiny", 1, LoginFeatures.Names, "none", [], "test", rows.Count, rows.Count(r => r.Label),
            new Dictionary<string, double>(), BenignBaseline.Of(rows), Histories.NoPopulation, "test");
        File.WriteAllBytes(AnomalyModel.MetadataPathFor(Path), JsonSerializer.SerializeToUtf8Bytes(metadata, AnomalyJsonContext.Default.AnomalyModelMetadata));
    }

    public string Path { get; }

    public void Dispose() => directory.Delete(recursive: true);

    /// <summary>Ana at home on her laptop, most evenings; one row in ten is someone in Tokyo.</summary>
    private static TrainingRow Row(int i)
    {
        var attack = i % 10 == 0;
        var at = Learners.Start.Date.AddHours(17 + (i % 5)).AddMinutes(i % 60);
        var features = LoginFeatureExtractor.Extract(Histories.SignInFrom(attack ? Histories.Tokyo : Learners.Lyon, at), Histories.Snapshot(Histories.SettledInLyon()), Histories.NoPopulation);
        return new TrainingRow { Features = features.Features, Label = attack };
    }
}
