namespace LoginGuard.Alerts;

/// <summary>What a suspicious-activity mail tells a learner of: the High-risk reasons no other mail covers.</summary>
internal enum Incident
{
    /// <summary>A device the learner has used before, signing in from too far away too soon: a session or password in other hands.</summary>
    StolenSession,

    /// <summary>A sign-in right after a burst of wrong passwords.</summary>
    SuccessAfterFailures,

    /// <summary>Wrong passwords against the learner's account crossing a brute-force threshold.</summary>
    BruteForce,
}

internal static class Incidents
{
    private static readonly WireNames<Incident> Names = new(new Dictionary<string, Incident>
    {
        ["stolen-session"] = Incident.StolenSession,
        ["success-after-failures"] = Incident.SuccessAfterFailures,
        ["brute-force"] = Incident.BruteForce,
    });

    public static string ToWireName(this Incident incident) => Names.NameOf(incident);
}
