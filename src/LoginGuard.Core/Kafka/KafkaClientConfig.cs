using Confluent.Kafka;

namespace LoginGuard.Kafka;

/// <summary>
/// Client settings in three layers: LoginGuard's defaults, then whatever <c>Kafka:Consumer</c> and
/// <c>Kafka:Producer</c> pass through, then the keys delivery semantics rest on, which always win.
/// </summary>
internal static class KafkaClientConfig
{
    /// <summary>Consumer keys that LoginGuard sets itself; the value says why, for the validator's message.</summary>
    public static IReadOnlyDictionary<string, string> ForcedConsumerKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bootstrap.servers"] = "set Kafka:BootstrapServers instead",
        ["group.id"] = "set Kafka:GroupId instead",
        ["group.protocol"] = "set Kafka:GroupProtocol instead",
        ["partition.assignment.strategy"] = "LoginGuard uses cooperative-sticky so a rebalance leaves untouched partitions working",
        ["enable.auto.offset.store"] = "LoginGuard stores an offset only after the event's effects are durable",
        ["enable.auto.commit"] = "LoginGuard commits the offsets it stored in the background",
        ["enable.partition.eof"] = "end-of-partition events carry nothing LoginGuard uses",
    };

    public static IReadOnlyDictionary<string, string> ForcedProducerKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bootstrap.servers"] = "set Kafka:BootstrapServers instead",
        ["enable.idempotence"] = "a retried decision must not be written twice or out of order",
        ["acks"] = "a decision counts as published only once all in-sync replicas have it",
        ["transactional.id"] = "decisions are published idempotently, not in transactions",
        ["message.timeout.ms"] = "a decision waits for the cluster however long it is down; one given up on might have been written, and sending it again could write it twice",
        ["delivery.timeout.ms"] = "a decision waits for the cluster however long it is down; one given up on might have been written, and sending it again could write it twice",
        ["retries"] = "a decision is retried until the cluster takes it; one given up on might have been written, and sending it again could write it twice",
        ["message.send.max.retries"] = "a decision is retried until the cluster takes it; one given up on might have been written, and sending it again could write it twice",
    };

    public static ConsumerConfig Consumer(KafkaOptions options)
    {
        var config = new ConsumerConfig
        {
            // A new group starts at the oldest event: a learner is told late rather than not at all.
            AutoOffsetReset = AutoOffsetReset.Earliest,
            ClientId = "loginguard",

            // The lanes and partition backlogs already hold what waits; librdkafka's default 64 MiB
            // prefetch on top only raised the worker's peak RSS in bench pipeline.
            QueuedMaxMessagesKbytes = 16_384,

            // Feeds the consumer-lag gauge; a statistics document per interval costs no broker call.
            StatisticsIntervalMs = 5000,
        };
        Apply(config, options.Consumer);
        config.BootstrapServers = options.BootstrapServers;
        config.GroupId = options.GroupId;
        config.EnableAutoOffsetStore = false;
        config.EnableAutoCommit = true;
        config.EnablePartitionEof = false;
        if (options.GroupProtocol == KafkaGroupProtocol.Consumer)
        {
            // Under KIP-848 the broker assigns partitions, always incrementally.
            config.GroupProtocol = GroupProtocol.Consumer;
        }
        else
        {
            config.GroupProtocol = GroupProtocol.Classic;
            config.PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky;
        }

        return config;
    }

    public static ProducerConfig Producer(KafkaOptions options)
    {
        var config = new ProducerConfig
        {
            ClientId = "loginguard",
            LingerMs = 5,
            CompressionType = CompressionType.Lz4,
        };
        Apply(config, options.Producer);
        config.BootstrapServers = options.BootstrapServers;
        config.EnableIdempotence = true;
        config.Acks = Acks.All;

        // No expiry: a message librdkafka gives up on after the cluster was away too long may have been
        // written, and the only recourse, sending it again, could write it twice. Without expiry an outage
        // fills the queue instead, and a full queue holds the lanes back until the cluster returns.
        config.MessageTimeoutMs = 0;
        return config;
    }

    private static void Apply(ClientConfig config, Dictionary<string, string> passthrough)
    {
        foreach (var (key, value) in passthrough)
        {
            config.Set(key, value);
        }
    }
}
