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
    /// The model trained by <c>loginguard-tools train</c>; its metadata (<c>.json</c>) must sit beside it.
    /// A relative path is taken from the working directory.
    /// </summary>
    public string Path { get; set; } = "models/login-anomaly.zip";

    /// <summary>
    /// A learner with fewer successful sign-ins than this has no rhythm to be ordinary against: the model
    /// still adds its weight (what gives a stuffed account away needs no history) but does not vouch.
    /// </summary>
    [Range(0, 1000)]
    public int MinSignIns { get; set; } = 2;

    /// <summary>
    /// Model scores below this add no reason to the decision, so every ordinary sign-in does not carry one.
    /// They still count (too little to reach a level) unless the model abstained or simulates.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ReportAbove { get; set; } = 0.01;

    /// <summary>
    /// Below this score the model vouches for the event: each novelty rule's hit (new device, address,
    /// network, city, country, distance, account change after a risky sign-in) counts only score/VouchBelow
    /// of its weight, so novelty the model has learned is ordinary for a learner it knows (a trip, a new
    /// phone) does not step them up. Counted failures and impossible travel always count in full, and so does
    /// a new device in a new country (or far away) unless the learner's own history shows such trips. 0 turns
    /// vouching off.
    /// </summary>
    [Range(0.0, 1.0)]
    public double VouchBelow { get; set; } = 0.05;

    /// <summary>How many of the most unusual features a reason names.</summary>
    [Range(1, LoginFeatures.Count)]
    public int ReasonFeatures { get; set; } = 3;

    public RuleSettings Settings => new() { Enabled = Enabled, Mode = Mode, Weight = Weight };
}
