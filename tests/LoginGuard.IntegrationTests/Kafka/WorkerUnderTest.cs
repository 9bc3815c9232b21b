using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using LoginGuard.Worker.Commands;
using LoginGuard.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>The <c>run</c> host, in process, pointed at the mock cluster, a test's topics and a pickup folder.</summary>
internal sealed class WorkerUnderTest : IAsyncDisposable
{
    private readonly IHost host;
    private readonly EventConsumerService consumer;

    private WorkerUnderTest(IHost host)
    {
        this.host = host;

        // Kept from the start: a worker that stopped on its own may have disposed its services by the time a test asks.
        consumer = host.Services.GetRequiredService<EventConsumerService>();
    }

    public static async Task<WorkerUnderTest> StartAsync(
        KafkaMockCluster cluster,
        KafkaTopics topics,
        string pickupDirectory,
        IBehaviorStore store,
        CapturedLog? log = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = cluster.BootstrapServers,
            ["Kafka:GroupId"] = topics.Group,
            ["Kafka:EventsTopic"] = topics.Events,
            ["Kafka:DecisionsTopic"] = topics.Decisions,
            ["Kafka:DeadLetterTopic"] = topics.DeadLetters,
            ["Kafka:ParkingTopic"] = topics.Parked,
            ["Kafka:RetryBaseDelay"] = "00:00:00.020",
            ["Kafka:RetryMaxDelay"] = "00:00:00.200",
            ["Kafka:DrainTimeout"] = "00:00:05",
            ["Kafka:Consumer:fetch.wait.max.ms"] = "5",
            ["Kafka:Consumer:auto.commit.interval.ms"] = "100",
            ["Kafka:Producer:linger.ms"] = "1",
            ["GeoIp:CityDatabasePath"] = SampleData.Find("geoip/sample-city.mmdb"),
            ["GeoIp:AsnDatabasePath"] = SampleData.Find("geoip/sample-asn.mmdb"),
            ["Smtp:Host"] = "",
            ["Smtp:PickupDirectory"] = pickupDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:LoginGuard.Ingestion.Kafka"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var builder = RunCommand.CreateBuilder(overrides);
        builder.Services.AddSingleton(store);
        if (log is not null)
        {
            builder.Logging.AddProvider(log);
        }

        var host = builder.Build();
        await host.StartAsync();
        return new WorkerUnderTest(host);
    }

    /// <summary>As on SIGTERM: finish events in flight, commit, leave the group.</summary>
    public Task StopAsync() => host.StopAsync();

    /// <summary>As if the process died: no draining, no commit, no Close; the group notices after the session timeout.</summary>
    public Task CrashAsync() => host.StopAsync(new CancellationToken(canceled: true));

    public IServiceProvider Services => host.Services;

    public Exception? Failure => consumer.Failure;

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(new CancellationToken(canceled: true));
        host.Dispose();
    }
}
