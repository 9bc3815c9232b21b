namespace LoginGuard.Feedback;

/// <summary>One learner-given label: which event, filed under which learner hash, what they said, when, and how far it is trusted.</summary>
/// <param name="Source">Where the answer came from; <c>mail-link</c>, the review page behind the alert mail's link, is the one source today.</param>
/// <param name="Trust">
/// <c>low</c> for a "was me" through the mail link: it proves only that someone reads the mailbox, which after an
/// email change may be the attacker; <c>high</c> for a "wasn't me", which nothing overrules. Train on low-trust
/// labels with care, or not at all.
/// </param>
internal sealed record FeedbackLabel(string Learner, string EventId, string Label, DateTimeOffset At, string Source = FeedbackLabel.MailLink, string Trust = "low")
{
    public const string MailLink = "mail-link";

    public static string TrustOf(FeedbackAnswer answer) => answer == FeedbackAnswer.WasNotMe ? "high" : "low";
}
