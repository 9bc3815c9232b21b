using Confluent.Kafka;
using LoginGuard.Ingestion;
using Microsoft.Extensions.Options;

namespace LoginGuard.Kafka;

/// <summary>
/// Sends a message that is not an event to the dead-letter topic: its key and bytes (cut to fit, see
/// <see cref="SourceCopyProducer"/>), and in headers why it was refused and where it came from, so it can be fixed
/// and replayed.
/// </summary>
internal sealed class DeadLetterPublisher(SourceCopyProducer copies, IOptions<KafkaOptions> options)
{
    public const string ReasonHeader = "loginguard.reason";
    public const string DetailHeader = "loginguard.detail";
    public const string FieldHeader = "loginguard.field";
    public const string SourceTopicHeader = SourceCopyProducer.SourceTopicHeader;
    public const string SourcePartitionHeader = SourceCopyProducer.SourcePartitionHeader;
    public const string SourceOffsetHeader = SourceCopyProducer.SourceOffsetHeader;

    private readonly string topic = options.Value.DeadLetterTopic;

    public ValueTask PublishAsync(ConsumedEvent consumed, Rejection rejection, CancellationToken cancellationToken)
    {
        var headers = new Headers
        {
            { ReasonHeader, SourceCopyProducer.Text(rejection.Reason) },
            { DetailHeader, SourceCopyProducer.Text(rejection.Detail) },
        };
        if (rejection.Field is { } field)
        {
            headers.Add(FieldHeader, SourceCopyProducer.Text(field));
        }

        return copies.SendAsync(topic, consumed, headers, consumed.Complete, cancellationToken);
    }
}
