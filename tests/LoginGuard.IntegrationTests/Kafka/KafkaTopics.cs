using LoginGuard.Testing.Kafka;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.IntegrationTests.Kafka;

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

    /// <summary>What every worker under test needs to run on these topics: the cluster, the sample geo databases, mail to a folder.</summary>
    public Dictionary<string, string?> WorkerSettings(KafkaMockCluster cluster, string pickupDirectory) => new()
    {
        ["Kafka:BootstrapServers"] = cluster.BootstrapServers,
        ["Kafka:GroupId"] = Group,
        ["Kafka:EventsTopic"] = Events,
        ["Kafka:DecisionsTopic"] = Decisions,
        ["Kafka:DeadLetterTopic"] = DeadLetters,
        ["Kafka:ParkingTopic"] = Parked,
        ["Kafka:Consumer:fetch.wait.max.ms"] = "5",
        ["Kafka:Producer:linger.ms"] = "1",
        ["GeoIp:CityDatabasePath"] = SampleData.Find("geoip/sample-city.mmdb"),
        ["GeoIp:AsnDatabasePath"] = SampleData.Find("geoip/sample-asn.mmdb"),
        ["Smtp:Host"] = "",
        ["Smtp:PickupDirectory"] = pickupDirectory,
    };
}
