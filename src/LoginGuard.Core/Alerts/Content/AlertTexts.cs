using LoginGuard.Contracts;

namespace LoginGuard.Alerts.Content;

/// <summary>
/// Every sentence of an alert mail in one language, kept as plain C# so a reviewer reads a translation
/// next to its English original. <c>{0}</c> is always the product name.
/// </summary>
internal sealed partial record AlertTexts
{
    /// <summary>The BCP 47 tag of this language, also the culture dates are written in when the learner's own is unknown.</summary>
    public required string Language { get; init; }

    /// <summary>Greeting with the learner's name as <c>{0}</c>.</summary>
    public required string Greeting { get; init; }

    /// <summary>Greeting when the platform has no name for the learner; never "Dear user".</summary>
    public required string GreetingWithoutName { get; init; }

    public required KindTexts NewDevice { get; init; }

    public required KindTexts PasswordChanged { get; init; }

    public required KindTexts MfaDisabled { get; init; }

    /// <summary>Email-changed mail sent to the new address itself.</summary>
    public required KindTexts EmailChanged { get; init; }

    /// <summary>The summary of new-device sign-ins a throttle window held back; <c>{1}</c> in the intro is how many.</summary>
    public required KindTexts NewDeviceSummary { get; init; }

    /// <summary>Suspicious activity: a known device signing in at a speed no traveller reaches.</summary>
    public required KindTexts StolenSession { get; init; }

    /// <summary>Suspicious activity: a sign-in right after a burst of wrong passwords.</summary>
    public required KindTexts SuccessAfterFailures { get; init; }

    /// <summary>Suspicious activity: wrong passwords against the account crossing the brute-force threshold.</summary>
    public required KindTexts BruteForce { get; init; }

    /// <summary>Email-changed intro for the copy sent to the old address; <c>{1}</c> is the masked new address.</summary>
    public required string EmailChangedToOther { get; init; }

    /// <summary>Labels the masked address of the account a mail is about, so a learner with several accounts knows which.</summary>
    public required string AccountLabel { get; init; }

    public required string DeviceLabel { get; init; }

    public required string TimeLabel { get; init; }

    public required string PlaceLabel { get; init; }

    public required string IpLabel { get; init; }

    /// <summary>Between a label and its value in the text part; French typography wants a space before the colon.</summary>
    public required string LabelSeparator { get; init; }

    public required string IfYou { get; init; }

    /// <summary>
    /// The question a mail with a review link asks instead of telling the learner to go to the account page by
    /// themselves: that link is the page where they answer it.
    /// </summary>
    public required string WasThisYou { get; init; }

    /// <summary>The answer to <see cref="WasThisYou"/> that needs nothing done.</summary>
    public required string YesItWasMe { get; init; }

    /// <summary>The answer to <see cref="WasThisYou"/> that sends the learner to the review link; <c>{0}</c> is the product name.</summary>
    public required string NoItWasNot { get; init; }

    public required string NeverAskPassword { get; init; }

    public required string WhySent { get; init; }

    public KindTexts For(Alert alert) => alert switch
    {
        { Summarizes: not null } => NewDeviceSummary,
        { Kind: AlertKind.SuspiciousActivity, Incident: Incident.StolenSession } => StolenSession,
        { Kind: AlertKind.SuspiciousActivity, Incident: Incident.SuccessAfterFailures } => SuccessAfterFailures,
        { Kind: AlertKind.SuspiciousActivity, Incident: Incident.BruteForce } => BruteForce,
        _ => For(alert.Kind),
    };

    private KindTexts For(AlertKind kind) => kind switch
    {
        AlertKind.NewDevice => NewDevice,
        AlertKind.PasswordChanged => PasswordChanged,
        AlertKind.MfaDisabled => MfaDisabled,
        AlertKind.EmailChanged => EmailChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No texts for this alert kind."),
    };
}
