namespace LoginGuard.Tools.Generation.Profiles;

/// <summary>
/// The population every committed model is trained on (models/retrain.sh): learners in every city of the
/// geo sample, mostly with a computer, few trips, the training rate of cookie churn, and the attacks of
/// <see cref="Attacks.AttackPlanner"/>. Its numbers are the generator's own from before profiles existed.
/// </summary>
internal static class TrainingProfile
{
    public static GenerationProfile Profile { get; } = new(
        "training",
        "Learners in every city of the geo sample, 85% with a computer, trips 0.7% a day, the planner's attacks.");
}
