namespace LoginGuard.Testing.Kafka;

/// <summary>Fresh topics and a fresh group for one test.</summary>
internal sealed record KafkaTopics(string Events, string Decisions, string DeadLetters, string Parked, string Group, int Partitions)
{
    public static KafkaTopics Create(KafkaMockCluster cluster, int partitions = 4) => new(
        cluster.CreateTopic("events", partitions),
        cluster.CreateTopic("decisions", partitions),
        cluster.CreateTopic("dlq", partitions),
        cluster.CreateTopic("parked", partitions),
        $"loginguard-{Guid.NewGuid():N}",
        partitions);
}
