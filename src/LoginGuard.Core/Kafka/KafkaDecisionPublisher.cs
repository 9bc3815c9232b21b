using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using LoginGuard.Contracts;
using Microsoft.Extensions.Options;

namespace LoginGuard.Kafka;

/// <summary>
/// Publishes each decision to the decisions topic keyed by userId, so a learner's decisions share a
/// partition and arrive in the order they were made. Not awaited one by one: <c>delivered</c> runs when
/// the cluster has the decision, and only then may the event's offset be stored.
/// </summary>
internal sealed class KafkaDecisionPublisher(OutcomeProducer producer, IOptions<KafkaOptions> options)
{
    private readonly string topic = options.Value.DecisionsTopic;

    /// <param name="trace">The trace the decision continues (W3C headers on the message); default for none.</param>
    /// <param name="refused">Runs instead of <paramref name="delivered"/> when the cluster will never take the decision.</param>
    public ValueTask PublishAsync(Decision decision, ActivityContext trace, Action delivered, Action<Error> refused, CancellationToken cancellationToken)
    {
        var message = MessageFor(decision);
        if (trace != default)
        {
            message.Headers = [];
            EventTracing.Write(message.Headers, trace);
        }

        return producer.SendAsync(topic, message, delivered, refused, cancellationToken);
    }

    /// <summary>A decision as every LoginGuard decision goes on the wire: keyed by userId, the contract's JSON.</summary>
    public static Message<byte[]?, byte[]?> MessageFor(Decision decision) => new()
    {
        Key = Encoding.UTF8.GetBytes(decision.UserId),
        Value = DecisionJson.Serialize(decision),
    };
}
