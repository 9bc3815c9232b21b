using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace LoginGuard.Ingestion.Kafka;

/// <summary>
/// Sends a message that is not an event to the dead-letter topic: its key and bytes untouched, and in
/// headers why it was refused and where it came from, so it can be fixed and replayed.
/// </summary>
internal sealed class DeadLetterPublisher(OutcomeProducer producer, IOptions<KafkaOptions> options)
{
    public const string ReasonHeader = "loginguard.reason";
    public const string DetailHeader = "loginguard.detail";
    public const string FieldHeader = "loginguard.field";
    public const string SourceTopicHeader = "loginguard.source.topic";
    public const string SourcePartitionHeader = "loginguard.source.partition";
    public const string SourceOffsetHeader = "loginguard.source.offset";

    private readonly string topic = options.Value.DeadLetterTopic;

    public ValueTask PublishAsync(ConsumedEvent consumed, Rejection rejection, CancellationToken cancellationToken)
    {
        var headers = new Headers
        {
            { ReasonHeader, Encoding.UTF8.GetBytes(rejection.Reason) },
            { DetailHeader, Encoding.UTF8.GetBytes(rejection.Detail) },
            { SourceTopicHeader, Encoding.UTF8.GetBytes(consumed.Topic) },
            { SourcePartitionHeader, Encoding.UTF8.GetBytes(consumed.Partition.ToString(CultureInfo.InvariantCulture)) },
            { SourceOffsetHeader, Encoding.UTF8.GetBytes(consumed.Offset.ToString(CultureInfo.InvariantCulture)) },
        };
        if (rejection.Field is { } field)
        {
            headers.Add(FieldHeader, Encoding.UTF8.GetBytes(field));
        }

        var message = new Message<byte[]?, byte[]?> { Key = consumed.Key, Value = consumed.Value, Headers = headers };
        return producer.SendAsync(topic, message, consumed.Complete, cancellationToken);
    }
}
