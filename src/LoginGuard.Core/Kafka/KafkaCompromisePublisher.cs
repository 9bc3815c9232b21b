using Confluent.Kafka;
using LoginGuard.Contracts;
using LoginGuard.Feedback;
using Microsoft.Extensions.Options;

namespace LoginGuard.Kafka;

/// <summary>
/// Tells the platform a learner reported a sign-in that was not them: a decision for that event at level high,
/// its one reason <see cref="RuleId"/>, on the decisions topic (or <c>Feedback:CompromiseTopic</c>), keyed by userId
/// through the worker's idempotent producer. The platform signs the learner out everywhere and forces a reset.
/// </summary>
internal sealed class KafkaCompromisePublisher(OutcomeProducer producer, IOptions<KafkaOptions> kafka, IOptions<FeedbackOptions> feedback) : ICompromisePublisher
{
    public const string RuleId = "learner-reported";
    public const string RuleSetVersion = "learner-feedback";

    /// <summary>How long the learner's request waits for the cluster; past it the answer is refused and may be sent again.</summary>
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(10);

    private readonly string topic = string.IsNullOrEmpty(feedback.Value.CompromiseTopic) ? kafka.Value.DecisionsTopic : feedback.Value.CompromiseTopic;

    /// <summary>
    /// Completes once the cluster has the decision, so the learner's answer is only acknowledged when it will be
    /// acted on; throws <see cref="TimeoutException"/> when it has not within <see cref="DeliveryWait"/>. The
    /// producer keeps trying to deliver it even then, so a repeated answer may publish it twice, which a
    /// consumer acting on a decision for an eventId it has seen tolerates.
    /// </summary>
    public async Task PublishAsync(FeedbackClaim claim, CancellationToken cancellationToken)
    {
        var decision = new Decision(
            claim.EventId, claim.UserId, claim.Type, claim.OccurredAt, 1, RiskLevel.High,
            [new RiskReason(RuleId, 1, "The learner answered \"this wasn't me\" to the alert mail: sign them out everywhere and force a password reset.")],
            [],
            RuleSetVersion);
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await producer.SendAsync(
            topic,
            KafkaDecisionPublisher.MessageFor(decision),
            delivered.SetResult,
            refusal => delivered.SetException(new KafkaException(refusal)),
            cancellationToken);
        await delivered.Task.WaitAsync(DeliveryWait, cancellationToken);
    }
}
