namespace LoginGuard.Alerts.Content;

/// <summary>What every alert mail says about the product it comes from. Bound from the <c>Alerts</c> section.</summary>
internal sealed class AlertMailOptions
{
    public const string SectionName = "Alerts";

    /// <summary>The name learners know the platform by, used in subjects and sentences.</summary>
    public string ProductName { get; set; } = "Learnwell";

    /// <summary>
    /// The only link a mail carries, shown written out in full so a learner can check it or type it themselves.
    /// Must be an absolute https address without query or fragment: anything appended looks like tracking.
    /// </summary>
    public string AccountSecurityUrl { get; set; } = "https://learnwell.example/account/security";

    /// <summary>The right-hand side of every Message-Id, so the same alert always gets the same id.</summary>
    public string MessageIdDomain { get; set; } = "loginguard.local";
}
