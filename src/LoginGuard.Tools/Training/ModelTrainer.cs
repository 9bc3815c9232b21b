using LoginGuard.Scoring.Anomaly;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace LoginGuard.Tools.Training;

/// <summary>
/// Fits a model whose output column is a calibrated <c>Probability</c>, whatever the trainer, so the
/// scorer treats every model alike. Everything random is seeded and LightGBM runs on one thread:
/// the same data and seed give the same model.
/// </summary>
internal static class ModelTrainer
{
    public static ITransformer Fit(MLContext context, IReadOnlyList<TrainingRow> rows, ModelKind kind, int seed) => kind switch
    {
        ModelKind.LightGbm or ModelKind.Impostor => FitLightGbm(context, rows, seed),
        ModelKind.Pca => FitPca(context, rows, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Describe(ModelKind kind) => kind switch
    {
        ModelKind.LightGbm => "LightGbmBinary(leaves=16, iterations=150, lr=0.1, min-leaf=10, threads=1), Platt-calibrated",
        ModelKind.Impostor => "LightGbmBinary(leaves=16, iterations=150, lr=0.1, min-leaf=10, threads=1), Platt-calibrated, on each learner's own events against other learners' events replayed on their history (no labels needed)",
        _ => "NormalizeMeanVariance + RandomizedPca(rank=6, oversampling=20) on legitimate events, Platt-calibrated on all",
    };

    private static ITransformer FitLightGbm(MLContext context, IReadOnlyList<TrainingRow> rows, int seed)
    {
        var data = context.Data.LoadFromEnumerable(rows);
        var trainer = context.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(LoginFeatures.Features),
            NumberOfLeaves = 16,
            NumberOfIterations = 150,
            LearningRate = 0.1,
            MinimumExampleCountPerLeaf = 10,
            Seed = seed,
            NumberOfThreads = 1,
            Verbose = false,
            Silent = true,
        });
        return trainer.Fit(data);
    }

    private static ITransformer FitPca(MLContext context, IReadOnlyList<TrainingRow> rows, int seed)
    {
        var benign = context.Data.LoadFromEnumerable(rows.Where(r => !r.Label));
        var pca = context.Transforms.NormalizeMeanVariance(nameof(LoginFeatures.Features))
            .Append(context.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options
            {
                FeatureColumnName = nameof(LoginFeatures.Features),
                Rank = 6,
                Oversampling = 20,
                EnsureZeroMean = true,
                Seed = seed,
            }))
            .Fit(benign);
        var scored = pca.Transform(context.Data.LoadFromEnumerable(rows));
        var calibrator = context.BinaryClassification.Calibrators.Platt(labelColumnName: nameof(TrainingRow.Label), scoreColumnName: "Score").Fit(scored);
        return pca.Append(calibrator);
    }
}
