using LoginGuard.Scoring.Anomaly;
using Microsoft.ML.Data;

namespace LoginGuard.Tools.Training;

/// <summary>A featurised event with its ground truth; the feature column is <see cref="LoginFeatures"/>' own, so the model's input schema is the scorer's.</summary>
internal sealed class TrainingRow
{
    [VectorType(LoginFeatures.Count)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    public string Scenario { get; set; } = "";
}
