using LoginGuard.Worker.Commands;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.Worker.Bench;

/// <summary>The <c>run</c> host, as deployed, pointed at the bench's cluster, Redis and a pickup folder.</summary>
internal static class BenchWorker
{
    public static IHost Build(string bootstrapServers, BenchTopics topics, string redisConfiguration, string pickupDirectory) =>
        RunCommand.CreateBuilder(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrapServers,
            ["Kafka:GroupId"] = "loginguard-bench",
            ["Kafka:EventsTopic"] = topics.Events,
            ["Kafka:DecisionsTopic"] = topics.Decisions,
            ["Kafka:DeadLetterTopic"] = topics.DeadLetters,

            // Against the mock cluster librdkafka's default 500 ms fetch wait was measured to cap consumption at
            // ≈ 36k events/s; the Kafka tests use 5 ms too.
            ["Kafka:Consumer:fetch.wait.max.ms"] = "5",
            ["Kafka:Producer:linger.ms"] = "1",
            ["Redis:Configuration"] = redisConfiguration,
            ["GeoIp:CityDatabasePath"] = SampleData.Find("geoip/sample-city.mmdb"),
            ["GeoIp:AsnDatabasePath"] = SampleData.Find("geoip/sample-asn.mmdb"),
            ["Smtp:Host"] = "",
            ["Smtp:PickupDirectory"] = pickupDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
        }).Build();
}

internal sealed record BenchTopics(string Events, int EventPartitions, string Decisions, int DecisionPartitions, string DeadLetters);
