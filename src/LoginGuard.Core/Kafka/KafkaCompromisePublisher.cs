using System.Text;
using Confluent.Kafka;
using LoginGuard.Contracts;
using LoginGuard.Feedback;
using Microsoft.Extensions.Options;

namespace LoginGuard.Kafka;

/// <summary>
/// Tells the platform a learner reported a sign-in that was not them: a decision for that event at level high,
/// its one reason <see cref="RuleId"/>, on the decisions topic (or <c>Feedback:CompromiseTopic</c>), keyed by userId
/// through the worker's idempotent producer, with the report's id in <see cref="ReportIdHeader"/>. The platform signs
/// the learner out everywhere and forces a reset.
/// </summary>
internal sealed class KafkaCompromisePublisher(OutcomeProducer producer, IOptions<KafkaOptions> kafka, IOptions<FeedbackOptions> feedback) : ICompromisePublisher
{
    public const string RuleId = "learner-reported";
    public const string RuleSetVersion = "learner-feedback";

    /// <summary>The same on every copy of a report: a consumer acts once per id.</summary>
    public const string ReportIdHeader = "loginguard.report-id";

    private readonly string topic = string.IsNullOrEmpty(feedback.Value.CompromiseTopic) ? kafka.Value.DecisionsTopic : feedback.Value.CompromiseTopic;

    /// <summary>
    /// Completes once the cluster has the report, which the producer keeps trying however long the cluster is away;
    /// throws <see cref="KafkaException"/> when the cluster refused it for good (an ACL, say). Every copy is byte for
    /// byte the same message.
    /// </summary>
    public async Task PublishAsync(CompromiseReport report, CancellationToken cancellationToken)
    {
        var claim = report.Claim;
        var decision = new Decision(
            claim.EventId, claim.UserId, claim.Type, claim.OccurredAt, 1, RiskLevel.High,
            [new RiskReason(RuleId, 1, "The learner answered \"this wasn't me\" to the alert mail: sign them out everywhere and force a password reset.")],
            [],
            RuleSetVersion);
        var message = KafkaDecisionPublisher.MessageFor(decision);
        message.Headers = [new Header(ReportIdHeader, Encoding.UTF8.GetBytes(report.ReportId))];
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await producer.SendAsync(topic, message, () => delivered.TrySetResult(), refusal => delivered.TrySetException(new KafkaException(refusal)), cancellationToken);
        await delivered.Task.WaitAsync(cancellationToken);
    }
}
