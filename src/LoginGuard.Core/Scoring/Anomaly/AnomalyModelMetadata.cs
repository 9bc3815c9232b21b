using System.Text.Json.Serialization;

namespace LoginGuard.Scoring.Anomaly;

/// <summary>
/// What is known about a trained model, saved beside it as <c>login-anomaly.json</c>: what it reads,
/// how it was made (so it can be made again), how well it did, and what a legitimate event usually looks like.
/// </summary>
/// <param name="Version">A hash of the model's content, so a decision can be traced to the model that made it.</param>
/// <param name="DataSha256">SHA-256 over the training events and labels files, in the order given.</param>
/// <param name="Benign">Per kind of event (<see cref="FeatureBaseline.KindOf"/>), the mean and spread of each feature over legitimate events.</param>
/// <param name="Population">Learners per browser and network in the training history, which two features read.</param>
internal sealed record AnomalyModelMetadata(
    string Version,
    string Trainer,
    int Seed,
    IReadOnlyList<string> Features,
    string DataSha256,
    IReadOnlyList<string> TrainedOn,
    string Command,
    int Events,
    int AttackEvents,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, FeatureBaseline> Benign,
    Population Population,
    string CreatedWith);

/// <summary>The mean and standard deviation of each feature over legitimate events of one kind.</summary>
internal sealed record FeatureBaseline(IReadOnlyList<double> Mean, IReadOnlyList<double> StdDev)
{
    public const string SuccessfulLogin = "successful-login";
    public const string FailedLogin = "failed-login";
    public const string AccountChange = "account-change";

    public static string KindOf(LoginFeatures features) =>
        features.Features[0] > 0 ? SuccessfulLogin : features.Features[1] > 0 ? FailedLogin : AccountChange;
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AnomalyModelMetadata))]
internal sealed partial class AnomalyJsonContext : JsonSerializerContext;
