using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace LoginGuard.Kafka;

/// <summary>
/// Sends a consumed message on to a side topic (dead letters, parked events) with headers saying why and where it
/// came from. The copy always fits the producer's <c>message.max.bytes</c>: a longer body is cut, and its original
/// size and SHA-256 travel in headers so the original can be found and matched in the source topic. Should the
/// broker still refuse it for size (its own limit is lower), the copy goes again without a body. A side topic that
/// refuses even that, or that the worker may not write, stops the worker: nothing else would keep the event.
/// </summary>
internal sealed class SourceCopyProducer(OutcomeProducer producer, KafkaFault fault, IOptions<KafkaOptions> options)
{
    public const string SourceTopicHeader = "loginguard.source.topic";
    public const string SourcePartitionHeader = "loginguard.source.partition";
    public const string SourceOffsetHeader = "loginguard.source.offset";
    public const string OriginalSizeHeader = "loginguard.original.size";
    public const string OriginalSha256Header = "loginguard.original.sha256";
    public const string TruncatedHeader = "loginguard.truncated";

    /// <summary>
    /// Room kept for the framing librdkafka counts against <c>message.max.bytes</c> (a record's lengths, timestamp
    /// and attributes, under 50 bytes) and a record batch's header (61 bytes), with some to spare.
    /// </summary>
    private const int RecordOverhead = 128;

    private const int DefaultMessageMaxBytes = 1_000_000;
    private readonly int messageMaxBytes = options.Value.Producer.TryGetValue("message.max.bytes", out var configured)
        && int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : DefaultMessageMaxBytes;

    /// <param name="delivered">Runs once the cluster has the copy, for the caller to let the event's offset move on.</param>
    public ValueTask SendAsync(string topic, ConsumedEvent consumed, Headers reasons, Action delivered, CancellationToken cancellationToken)
    {
        var value = consumed.Value ?? [];
        var headers = new Headers();
        foreach (var header in reasons)
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        headers.Add(SourceTopicHeader, Text(consumed.Topic));
        headers.Add(SourcePartitionHeader, Text(consumed.Partition.ToString(CultureInfo.InvariantCulture)));
        headers.Add(SourceOffsetHeader, Text(consumed.Offset.ToString(CultureInfo.InvariantCulture)));
        headers.Add(OriginalSizeHeader, Text(value.Length.ToString(CultureInfo.InvariantCulture)));
        headers.Add(OriginalSha256Header, Text(Convert.ToHexStringLower(SHA256.HashData(value))));
        var room = messageMaxBytes - RecordOverhead - (consumed.Key?.Length ?? 0) - headers.Sum(h => h.Key.Length + h.GetValueBytes().Length + 16);
        var body = value;
        if (value.Length > room)
        {
            body = value.AsSpan(0, Math.Max(0, room - 16)).ToArray();
            headers.Add(TruncatedHeader, Text("true"));
        }

        return Send(topic, consumed, headers, body, delivered, cancellationToken);
    }

    private ValueTask Send(string topic, ConsumedEvent consumed, Headers headers, byte[] body, Action delivered, CancellationToken cancellationToken) =>
        producer.SendAsync(
            topic,
            new Message<byte[]?, byte[]?> { Key = consumed.Key, Value = body, Headers = headers },
            delivered,
            refusal =>
            {
                if (body.Length > 0 && ProduceRefusal.IsAboutTheMessage(refusal.Code))
                {
                    if (headers.All(h => h.Key != TruncatedHeader))
                    {
                        headers.Add(TruncatedHeader, Text("true"));
                    }

                    _ = Send(topic, consumed, headers, [], delivered, fault.Faulted).AsTask();
                }
                else
                {
                    fault.Report(refusal);
                }
            },
            cancellationToken);

    public static byte[] Text(string value) => Encoding.UTF8.GetBytes(value);
}
