using LoginGuard.Enrichment;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Feedback;

/// <summary>What became of an answer, for the API to turn into a status code.</summary>
internal enum FeedbackOutcome
{
    Accepted,
    AlreadyAnswered,
}

/// <summary>
/// Takes the learner's answer to an alert mail. "Was me" labels the event legitimate, which confirms the device (it
/// is already remembered from the sign-in); "wasn't me" labels it compromised and owes the platform a report, which
/// <see cref="CompromiseReportRelay"/> publishes to Kafka.
/// </summary>
/// <remarks>
/// The answer, its label and its report are kept in one Redis script, so the learner is told "taken" only once the
/// report is sure to go out, whether Kafka is up or the worker lives to send it; when Redis does not answer, nothing
/// was taken and the learner sends the answer again. A link proves only that its holder reads the mailbox, which
/// after an email change may be the attacker: so a "wasn't me" wins over an earlier "was me" for the token's life
/// (its label replaces the other), while nothing takes back a "wasn't me".
/// </remarks>
internal sealed class FeedbackService(
    RedisFeedbackStore store, FeedbackTokens tokens, ReportSignal reports, StateKeyMaker stateKeys, TimeProvider clock, ILogger<FeedbackService> logger)
{
    /// <summary>Throws when Redis did not answer; then the learner should send the answer again.</summary>
    public async Task<FeedbackOutcome> AnswerAsync(FeedbackClaim claim, FeedbackAnswer answer, CancellationToken cancellationToken)
    {
        var label = new FeedbackLabel(
            stateKeys.Learner(claim.UserId), claim.EventId, answer.Label(), clock.GetUtcNow(), FeedbackLabel.MailLink, FeedbackLabel.TrustOf(answer));
        var report = answer == FeedbackAnswer.WasNotMe ? tokens.SealReport(claim) : null;
        if (!await store.TakeAsync(label, claim, report).WaitAsync(cancellationToken))
        {
            return FeedbackOutcome.AlreadyAnswered;
        }

        if (report is not null)
        {
            reports.Wake();
        }

        FeedbackLog.Taken(logger, label.Learner, claim.EventId, label.Label);
        return FeedbackOutcome.Accepted;
    }
}
