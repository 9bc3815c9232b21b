namespace LoginGuard.Scoring;

/// <summary>
/// What the health endpoint reports about the rules: the version in force and how the last attempt to load
/// the rules file went. After a rejected reload <see cref="Version"/> is still the last good set's.
/// </summary>
internal sealed record RuleSetStatus(string Version, DateTimeOffset LastReloadAt, ReloadOutcome LastReloadOutcome, IReadOnlyList<string> LastReloadErrors);

internal enum ReloadOutcome
{
    /// <summary>The rules file as read at start-up.</summary>
    Loaded,

    /// <summary>A changed rules file was valid and is now in force.</summary>
    Accepted,

    /// <summary>A changed rules file had errors; the previous set stays in force.</summary>
    Rejected,
}
