using System.ComponentModel.DataAnnotations;

namespace LoginGuard.Scoring.Anomaly;

/// <summary>
/// The trained model as one signal among the rules (section <c>Scoring:Model</c>): <c>Enabled</c>,
/// <c>Mode</c> and <c>Weight</c> mean what they mean for every rule; the model's own score is a calibrated 0..1.
/// </summary>
internal sealed class AnomalyModelOptions
{
    public const string Section = "Scoring:Model";

    /// <summary>Off by default in code so a host without a model starts on the rules; the worker's appsettings turn it on.</summary>
    public bool Enabled { get; set; }

    public RuleMode Mode { get; set; } = RuleMode.Enforce;

    /// <summary>How much a model score of 1 adds to the event's risk, 0..1.</summary>
    [Range(0.0, 1.0)]
    public double Weight { get; set; } = 0.8;

    /// <summary>
    /// The model trained by <c>loginguard train</c>; its metadata (<c>.json</c>) must sit beside it.
    /// A relative path is taken from the working directory.
    /// </summary>
    public string Path { get; set; } = "models/login-anomaly.zip";

    /// <summary>
    /// A learner with fewer successful sign-ins than this has no behaviour to be unusual against: their
    /// sign-ins and account changes are scored by the rules only, and the decision says so.
    /// </summary>
    [Range(0, 1000)]
    public int MinSignIns { get; set; } = 3;

    /// <summary>Model scores below this are left out of the decision, so every ordinary sign-in does not carry a reason.</summary>
    [Range(0.0, 1.0)]
    public double ReportAbove { get; set; } = 0.01;

    /// <summary>How many of the most unusual features a reason names.</summary>
    [Range(1, LoginFeatures.Count)]
    public int ReasonFeatures { get; set; } = 3;

    public RuleSettings Settings => new() { Enabled = Enabled, Mode = Mode, Weight = Weight };
}
