namespace LoginGuard.Scoring;

/// <summary>
/// The novelty no learned component may discount on its own say-so: a device never seen, together with a
/// country the learner never used, or with a new network far from every usual place. That is the shape of
/// most real account takeovers, and a model trained on one population's idea of "ordinary" silenced it on
/// another (docs/detection.md, "Earned vouching"). Only the learner's own history can make it ordinary
/// (<see cref="EarnedRoaming"/>).
/// </summary>
internal static class StrongNovelty
{
    /// <summary>Whether the kinds of the rules that hit (<see cref="RuleSettings.Kind"/>) make the conjunction.</summary>
    public static bool Holds(IReadOnlyCollection<string> kinds) =>
        kinds.Contains("NewDevice")
        && (kinds.Contains("NewCountry") || (kinds.Contains("UnusualDistance") && (kinds.Contains("NewAsn") || kinds.Contains("NewAddress"))));

    /// <summary>How a decision's reason names the conjunction.</summary>
    public static string Describe(IReadOnlyCollection<string> kinds) =>
        kinds.Contains("NewCountry") ? "a new device in a country this learner never used" : "a new device on a new network far from this learner's usual places";
}
