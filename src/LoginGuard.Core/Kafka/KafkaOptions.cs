namespace LoginGuard.Kafka;

/// <summary>
/// Where auth events come from and where decisions and dead letters go (section <c>Kafka</c>).
/// Any librdkafka setting (TLS, SASL, timeouts) passes through <see cref="Consumer"/> and <see cref="Producer"/>;
/// the settings that carry delivery semantics are set by LoginGuard and refused there.
/// </summary>
internal sealed class KafkaOptions
{
    public const string SectionName = "Kafka";

    /// <summary>The cluster, e.g. <c>kafka-1:9092,kafka-2:9092</c> (environment <c>Kafka__BootstrapServers</c>).</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>The consumer group every LoginGuard instance joins; instances share the events topic's partitions.</summary>
    public string GroupId { get; set; } = "loginguard";

    /// <summary>Auth events, keyed by userId so one learner's events stay in order.</summary>
    public string EventsTopic { get; set; } = "auth-events";

    /// <summary>One decision per accepted event, keyed by userId.</summary>
    public string DecisionsTopic { get; set; } = "auth-risk-decisions";

    /// <summary>Messages that are not events: original bytes, with the reason and the source in headers.</summary>
    public string DeadLetterTopic { get; set; } = "auth-events.dlq";

    /// <summary>
    /// Valid events set aside because they cannot be done: one that fails every attempt while other events go
    /// through, or whose decision the cluster will never take. Original bytes (cut to fit), with the reason and the
    /// source in headers.
    /// </summary>
    public string ParkingTopic { get; set; } = "auth-events.parked";

    /// <summary><c>Classic</c> (cooperative-sticky assignment) or <c>Consumer</c> (KIP-848, brokers 4.0+).</summary>
    public KafkaGroupProtocol GroupProtocol { get; set; } = KafkaGroupProtocol.Classic;

    /// <summary>
    /// Batches processed at once. A learner's events always share a lane, so they stay in order; a lane
    /// waiting on Redis leaves the CPU to the others. By default one per core and never fewer than two: a lane
    /// beyond what the cores can run splits light traffic into smaller batches, each paying the same Redis round trips
    /// and thread hand-offs (issue 18 measured p99 at 2,000 events/s on two cores with 8 lanes and with 2).
    /// </summary>
    public int Lanes { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Most events a lane takes in one batch: one read and one write of the state for all of them.</summary>
    public int MaxBatch { get; set; } = 500;

    /// <summary>
    /// Longest an event waits in an idle lane for others to share its batch: a lane starts a batch once
    /// <see cref="MaxBatch"/> events wait or the oldest has waited this long, whichever comes first. Zero starts
    /// at once with whatever waits. A little more batching costs fewer Redis round trips per event, paid
    /// for in latency up to this delay.
    /// </summary>
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Events waiting per lane, and per partition for a full lane; a partition with that many waiting is
    /// paused until half of them are dispatched.
    /// </summary>
    public int LaneCapacity { get; set; } = 512;

    /// <summary>First wait before processing an event again after Redis or the outbox failed; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failed attempts after which the event's partition is paused until the event goes through.</summary>
    public int PauseAfterAttempts { get; set; } = 3;

    /// <summary>
    /// Failed attempts after which an event is parked, provided other events went through since its first failure;
    /// while nothing goes through (Redis down) it is retried and its partition stays paused however long that takes.
    /// </summary>
    public int ParkAfterAttempts { get; set; } = 5;

    /// <summary>
    /// How long a revoked partition or a shutdown waits for events in flight before leaving them to be
    /// redelivered. Keep it well under <c>max.poll.interval.ms</c>.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>librdkafka consumer settings passed through as given, e.g. <c>security.protocol</c>, <c>sasl.mechanism</c>.</summary>
    public Dictionary<string, string> Consumer { get; set; } = new(StringComparer.Ordinal);

    /// <summary>librdkafka producer settings passed through as given, e.g. <c>linger.ms</c>, <c>compression.type</c>.</summary>
    public Dictionary<string, string> Producer { get; set; } = new(StringComparer.Ordinal);
}

internal enum KafkaGroupProtocol
{
    Classic,
    Consumer,
}
