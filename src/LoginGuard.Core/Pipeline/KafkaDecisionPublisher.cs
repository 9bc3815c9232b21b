using System.Text;
using Confluent.Kafka;
using LoginGuard.Ingestion.Kafka;
using Microsoft.Extensions.Options;

namespace LoginGuard.Pipeline;

/// <summary>
/// Publishes each decision to the decisions topic keyed by userId, so a learner's decisions share a
/// partition and arrive in the order they were made. Not awaited one by one: <c>delivered</c> runs when
/// the cluster has the decision, and only then may the event's offset be stored.
/// </summary>
internal sealed class KafkaDecisionPublisher(OutcomeProducer producer, IOptions<KafkaOptions> options)
{
    private readonly string topic = options.Value.DecisionsTopic;

    public ValueTask PublishAsync(Decision decision, Action delivered, CancellationToken cancellationToken)
    {
        var message = new Message<byte[]?, byte[]?>
        {
            Key = Encoding.UTF8.GetBytes(decision.UserId),
            Value = DecisionJson.Serialize(decision),
        };
        return producer.SendAsync(topic, message, delivered, cancellationToken);
    }
}
