using LoginGuard.Contracts;

namespace LoginGuard.Alerts;

/// <summary>
/// When a learner gets a suspicious-activity mail. Bound from <c>Alerts:SuspiciousActivity</c>. Detection stays in the
/// rules: these settings only say which rules' findings are told, from which level, and how often.
/// </summary>
internal sealed class SuspiciousActivityOptions
{
    public const string SectionName = "Alerts:SuspiciousActivity";

    /// <summary>False: no suspicious-activity mail at all (new-device and account-change mail are unaffected).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The lowest decision level that is told. Medium by default: with the shipped rules each of the three incidents
    /// on its own decides Medium (weights 0.5–0.7), so a High-only mail would leave exactly these learners untold.
    /// </summary>
    public RiskLevel MinLevel { get; set; } = RiskLevel.Medium;

    /// <summary>
    /// Findings of one incident kind for one learner less than this apart (event time) are one incident and one mail:
    /// a brute force that keeps crossing its threshold for hours is told once.
    /// </summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Rule id → the incident its finding is. Configured keys are added to (or replace) these defaults; a rule id the
    /// rule set does not have never fires and so never mails.
    /// </summary>
    public Dictionary<string, Incident> Rules { get; set; } = new(StringComparer.Ordinal)
    {
        ["impossible-travel"] = Incident.StolenSession,
        ["success-after-failures"] = Incident.SuccessAfterFailures,
        ["brute-force-per-learner"] = Incident.BruteForce,
        ["brute-force-per-learner-ip"] = Incident.BruteForce,
    };
}
