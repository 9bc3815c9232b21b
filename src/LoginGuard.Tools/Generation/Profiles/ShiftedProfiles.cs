namespace LoginGuard.Tools.Generation.Profiles;

/// <summary>
/// Streams for evaluation under distribution shift (docs/detection.md): each differs from
/// <see cref="TrainingProfile"/> in one family of ways, and no model is trained or tuned on them.
/// </summary>
internal static class ShiftedProfiles
{
    /// <summary>
    /// Another population: learners outside Europe (the Americas, Africa, Asia, Oceania), half of them
    /// phone-only, travelling four times as often, clearing cookies three times as often, and on a mobile
    /// carrier that puts its subscribers behind a few shared addresses.
    /// </summary>
    public static GenerationProfile Population { get; } = new(
        "shift-population",
        "Learners outside Europe, half phone-only, trips ×4, cookie churn ×3, phones mostly on a carrier-grade NAT of 32 addresses.",
        HomeCountries: new HashSet<string>(["US", "CA", "BR", "MX", "CO", "AR", "NG", "KE", "IN", "JP", "SG", "AU", "VN"], StringComparer.Ordinal),
        PhoneOnlyShare: 0.5,
        TripChance: 0.028,
        CookieChurn: 3,
        CarrierShare: 0.75,
        CarrierNatAddresses: 32);

    /// <summary>The training population, attacked also by takeovers that imitate the victim where training's attackers never did.</summary>
    public static GenerationProfile Tactics { get; } = new(
        "shift-tactics",
        "The training population, plus takeovers through a residential proxy in the victim's own city and ISP, on the victim's carrier, and from abroad, each with a copied user agent and device type at the victim's usual hour.",
        LocalTactics: true);

    /// <summary>Learners with little or no history: nine in ten first sign in on a random day of the window.</summary>
    public static GenerationProfile NewLearners { get; } = new(
        "shift-new-learners",
        "The training population, but 90% of learners first sign in on a random day of the window, so most attacks meet little or no history.",
        LateJoiners: 0.9);

    public static IReadOnlyList<GenerationProfile> All { get; } = [Population, Tactics, NewLearners];
}
