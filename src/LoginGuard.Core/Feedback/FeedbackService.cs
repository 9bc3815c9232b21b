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
/// is already remembered from the sign-in); "wasn't me" labels it compromised and publishes a compromise decision
/// for the platform to act on, acknowledged only once Kafka has it.
/// </summary>
/// <remarks>
/// A link proves only that its holder reads the mailbox, which after an email change may be the attacker: so a
/// "wasn't me" wins over an earlier "was me" for the token's life (its label replaces the other), while nothing
/// takes back a "wasn't me". The answer is recorded only after the report is published: a worker that dies in
/// between leaves the link good, and the learner's retry publishes it again (consumers tolerate a repeated
/// compromise decision for an eventId) instead of meeting 409.
/// </remarks>
internal sealed class FeedbackService(
    RedisFeedbackStore store, ICompromisePublisher compromise, StateKeyMaker stateKeys, TimeProvider clock, ILogger<FeedbackService> logger)
{
    public async Task<FeedbackOutcome> AnswerAsync(FeedbackClaim claim, FeedbackAnswer answer, CancellationToken cancellationToken)
    {
        var learner = stateKeys.Learner(claim.UserId);
        var now = clock.GetUtcNow();

        if (answer == FeedbackAnswer.WasMe)
        {
            if (!await store.TakeLegitimateAsync(learner, claim, now))
            {
                return FeedbackOutcome.AlreadyAnswered;
            }
        }
        else
        {
            if (await store.AnswerOfAsync(learner, claim) == FeedbackAnswer.WasNotMe.Label())
            {
                return FeedbackOutcome.AlreadyAnswered;
            }

            // Throws when Kafka does not take it: nothing is recorded, and the learner can send it again.
            await compromise.PublishAsync(claim, cancellationToken);
            if (!await store.MarkCompromisedAsync(learner, claim, clock.GetUtcNow()))
            {
                // A concurrent "wasn't me" recorded it first; its report went out too, which consumers tolerate.
                return FeedbackOutcome.AlreadyAnswered;
            }

            await store.ForgetLabelsOfAsync(learner, claim.EventId);
        }

        await store.AddLabelAsync(new FeedbackLabel(learner, claim.EventId, answer.Label(), now, FeedbackLabel.MailLink, FeedbackLabel.TrustOf(answer)));
        FeedbackLog.Taken(logger, learner, claim.EventId, answer.Label());
        return FeedbackOutcome.Accepted;
    }
}
