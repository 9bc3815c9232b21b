namespace LoginGuard.Tools.Generation.Profiles;

/// <summary>
/// Who the generated learners are and how they and their attackers behave. The training profile
/// (<see cref="TrainingProfile"/>) is what every committed model was built on; the shifted profiles
/// (<see cref="ShiftedProfiles"/>) are written separately so that an evaluation can report on populations
/// and tactics a model never saw. A profile changes only what it names: the training profile draws from
/// the seeded random exactly as the generator always has, so its streams are byte for byte the old ones.
/// </summary>
/// <param name="HomeCountries">The countries learners live in (ISO codes); null for every city of the geo sample.</param>
/// <param name="PhoneOnlyShare">Learners with a phone and no computer.</param>
/// <param name="TripChance">Chance per learner-day of starting a trip.</param>
/// <param name="CookieChurn">How many times the training rate browsers clear cookies and apps are reinstalled.</param>
/// <param name="CarrierShare">Share of phone sessions on the mobile carrier rather than the home line.</param>
/// <param name="CarrierNatAddresses">Carrier-grade NAT: the carrier's subscribers share this many addresses; 0 for the whole range.</param>
/// <param name="LocalTactics">Adds takeovers that imitate the victim, which the training profile never plays (<see cref="Attacks.AttackPlanner"/>).</param>
/// <param name="LateJoiners">Share of learners whose first sign-in comes on a random day of the window rather than its first.</param>
internal sealed record GenerationProfile(
    string Name,
    string Description,
    IReadOnlySet<string>? HomeCountries = null,
    double PhoneOnlyShare = 0.15,
    double TripChance = 0.007,
    double CookieChurn = 1,
    double CarrierShare = 0.4,
    int CarrierNatAddresses = 0,
    bool LocalTactics = false,
    double LateJoiners = 0)
{
    public static IReadOnlyDictionary<string, GenerationProfile> All { get; } =
        new[] { TrainingProfile.Profile }.Concat(ShiftedProfiles.All).ToDictionary(p => p.Name, StringComparer.Ordinal);
}
