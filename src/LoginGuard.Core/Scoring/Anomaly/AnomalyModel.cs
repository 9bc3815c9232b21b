using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace LoginGuard.Scoring.Anomaly;

/// <summary>
/// A trained model ready to score from many threads. <see cref="PredictionEngine{TSrc,TDst}"/> is not
/// thread-safe and costs more to build than to use, so engines are pooled rather than shared or made per call.
/// </summary>
internal sealed class AnomalyModel : IDisposable
{
    private readonly ObjectPool<PredictionEngine<LoginFeatures, LoginModelOutput>> engines;

    private AnomalyModel(MLContext context, ITransformer model, AnomalyModelMetadata metadata)
    {
        Metadata = metadata;
        engines = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }.Create(new EnginePolicy(context, model));
    }

    public AnomalyModelMetadata Metadata { get; }

    /// <summary>Loads <paramref name="path"/> and the metadata beside it, refusing a model whose features are not the ones this build computes.</summary>
    public static AnomalyModel Load(string path, string settingName)
    {
        var metadataPath = MetadataPathFor(path);
        if (!File.Exists(path) || !File.Exists(metadataPath))
        {
            throw new AnomalyModelLoadException(
                $"{settingName}: no model at '{path}' with its metadata '{metadataPath}'. Train one with `loginguard-tools train`, point {settingName} at it, or set {AnomalyModelOptions.Section}:Enabled to false.");
        }

        AnomalyModelMetadata metadata;
        ITransformer model;
        var context = CreateContext(seed: 1);
        try
        {
            metadata = JsonSerializer.Deserialize(File.ReadAllBytes(metadataPath), AnomalyJsonContext.Default.AnomalyModelMetadata)
                ?? throw new JsonException("the file is empty");
            model = context.Model.Load(path, out _);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or IOException or InvalidDataException)
        {
            throw new AnomalyModelLoadException($"{settingName}: '{path}' is not a model LoginGuard can read ({e.Message}). Retrain it with `loginguard-tools train`.", e);
        }

        if (!metadata.Features.SequenceEqual(LoginFeatures.Names))
        {
            throw new AnomalyModelLoadException(
                $"{settingName}: '{path}' was trained on features [{string.Join(", ", metadata.Features)}], but this LoginGuard computes [{string.Join(", ", LoginFeatures.Names)}]. Retrain it with `loginguard-tools train`.");
        }

        if (metadata.Population is null)
        {
            throw new AnomalyModelLoadException(
                $"{settingName}: '{metadataPath}' has no population table, which two of the model's features read. Retrain it with `loginguard-tools train`.");
        }

        return new AnomalyModel(context, model, metadata);
    }

    public static string MetadataPathFor(string modelPath) => System.IO.Path.ChangeExtension(modelPath, ".json");

    /// <summary>The context every model is trained and loaded with; LightGBM's model classes live in their own assembly, which loading must know.</summary>
    public static MLContext CreateContext(int seed)
    {
        var context = new MLContext(seed);
        context.ComponentCatalog.RegisterAssembly(typeof(LightGbmBinaryModelParameters).Assembly);
        return context;
    }

    /// <summary>
    /// A hash of what the model file holds, not of its bytes: the zip stamps each entry with the time it
    /// was written, so retraining the same model must not look like a new one.
    /// </summary>
    public static string VersionOf(string modelPath)
    {
        using var zip = ZipFile.OpenRead(modelPath);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(entry.FullName));
            using var content = entry.Open();
            using var buffer = new MemoryStream();
            content.CopyTo(buffer);
            hash.AppendData(buffer.ToArray());
        }

        return "m-" + Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 6));
    }

    /// <summary>The calibrated 0..1 probability that the event is an attacker's.</summary>
    public double Score(LoginFeatures features)
    {
        var engine = engines.Get();
        try
        {
            return Math.Clamp(engine.Predict(features).Probability, 0, 1);
        }
        finally
        {
            engines.Return(engine);
        }
    }

    public void Dispose()
    {
        // For a disposable T the provider hands out a pool that disposes the engines it holds.
        (engines as IDisposable)?.Dispose();
    }

    private sealed class EnginePolicy(MLContext context, ITransformer model) : PooledObjectPolicy<PredictionEngine<LoginFeatures, LoginModelOutput>>
    {
        public override PredictionEngine<LoginFeatures, LoginModelOutput> Create() => context.Model.CreatePredictionEngine<LoginFeatures, LoginModelOutput>(model);

        public override bool Return(PredictionEngine<LoginFeatures, LoginModelOutput> obj) => true;
    }
}
