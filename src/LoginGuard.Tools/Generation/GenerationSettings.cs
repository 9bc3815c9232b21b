using LoginGuard.Tools.Generation.Profiles;

namespace LoginGuard.Tools.Generation;

/// <summary>What to generate: how many learners over how many days from which seed, and how much noise to mix in.</summary>
/// <param name="BadLines">Lines the consumer must dead-letter; each kind of bad line appears once before any repeats.</param>
/// <param name="Duplicates">Earlier lines delivered again verbatim, as an at-least-once broker redelivers them.</param>
/// <param name="Profile">Who the learners are and how they are attacked; null for <see cref="TrainingProfile"/>.</param>
internal sealed record GenerationSettings(int Users, int Days, int Seed, DateOnly Start, int BadLines = 0, int Duplicates = 0, GenerationProfile? Profile = null)
{
    public GenerationProfile EffectiveProfile => Profile ?? TrainingProfile.Profile;
}
