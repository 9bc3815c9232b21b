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
/// Takes the learner's answer to an alert mail once. "Was me" labels the event legitimate, which confirms the
/// device (it is already remembered from the sign-in); "wasn't me" labels it compromised and publishes a
/// compromise decision for the platform to act on, acknowledged only once Kafka has it.
/// </summary>
internal sealed class FeedbackService(
    RedisFeedbackStore store, CompromisePublisher compromise, StateKeyMaker stateKeys, TimeProvider clock, ILogger<FeedbackService> logger)
{
    public async Task<FeedbackOutcome> AnswerAsync(FeedbackClaim claim, FeedbackAnswer answer, CancellationToken cancellationToken)
    {
        var learner = stateKeys.Learner(claim.UserId);
        var now = clock.GetUtcNow();

        if (!await store.ConsumeAsync(learner, claim, now))
        {
            return FeedbackOutcome.AlreadyAnswered;
        }

        if (answer == FeedbackAnswer.WasNotMe)
        {
            try
            {
                await compromise.PublishAsync(claim, cancellationToken);
            }
            catch
            {
                // Not acted on, so not spent: the learner can send the same answer again once Kafka is back.
                await store.ReleaseAsync(learner, claim);
                throw;
            }
        }

        await store.AddLabelAsync(new FeedbackLabel(learner, claim.EventId, answer.Label(), now));
        FeedbackLog.Taken(logger, learner, claim.EventId, answer.Label());
        return FeedbackOutcome.Accepted;
    }
}
