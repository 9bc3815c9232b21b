using System.Diagnostics.Metrics;
using System.Globalization;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Kafka;

/// <summary>
/// Sets aside an event that is valid but cannot be done (<c>Kafka:ParkingTopic</c>): its bytes (cut to fit), why,
/// and where it came from, so it can be looked at and replayed; its offset then moves on like a decided event's.
/// Counted by <c>loginguard.kafka.parked</c> (meter <c>LoginGuard.Kafka</c>) with its reason, and logged.
/// </summary>
internal sealed class ParkingPublisher
{
    public const string ReasonHeader = DeadLetterPublisher.ReasonHeader;
    public const string DetailHeader = DeadLetterPublisher.DetailHeader;
    public const string AttemptsHeader = "loginguard.attempts";

    /// <summary>The event failed every attempt while other events went through.</summary>
    public const string ProcessingFailed = "processing-failed";

    /// <summary>The cluster will never take the event's decision (e.g. larger than the topic allows).</summary>
    public const string PublishRefused = "publish-refused";

    /// <summary>Enough of an exception's message to recognise it; the rest stays in the log.</summary>
    private const int MaxDetailLength = 1000;

    private readonly SourceCopyProducer copies;
    private readonly string topic;
    private readonly Counter<long> parked;
    private readonly ILogger logger;

    public ParkingPublisher(SourceCopyProducer copies, IOptions<KafkaOptions> options, IMeterFactory meterFactory, ILogger<ParkingPublisher> logger)
    {
        this.copies = copies;
        this.logger = logger;
        topic = options.Value.ParkingTopic;
        parked = meterFactory.Create(KafkaLagMetrics.MeterName)
            .CreateCounter<long>("loginguard.kafka.parked", "{event}", "Valid events set aside on the parking topic instead of decided, by reason.");
    }

    /// <param name="delivered">Runs once the cluster has the parked copy; the event's offset may move on after it.</param>
    public ValueTask ParkAsync(ConsumedEvent consumed, string reason, string detail, int attempts, Action delivered, CancellationToken cancellationToken)
    {
        KafkaLog.Parked(logger, consumed.Topic, consumed.Partition, consumed.Offset, reason, attempts, topic, detail);
        parked.Add(1, new KeyValuePair<string, object?>("reason", reason));
        var headers = new Headers
        {
            { ReasonHeader, SourceCopyProducer.Text(reason) },
            { DetailHeader, SourceCopyProducer.Text(detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail) },
            { AttemptsHeader, SourceCopyProducer.Text(attempts.ToString(CultureInfo.InvariantCulture)) },
        };
        return copies.SendAsync(topic, consumed, headers, delivered, cancellationToken);
    }
}
