using LoginGuard.Alerts.Delivery;
using LoginGuard.Alerts.Outbox;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using LoginGuard.Testing.Kafka;
using LoginGuard.Worker.Commands;
using LoginGuard.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

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
        FakeLoggerProvider? log = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        IOutboxStore? outbox = null,
        Action<IServiceCollection>? services = null)
    {
        var overrides = topics.WorkerSettings(cluster, pickupDirectory);
        overrides["Kafka:RetryBaseDelay"] = "00:00:00.020";
        overrides["Kafka:RetryMaxDelay"] = "00:00:00.200";
        overrides["Kafka:DrainTimeout"] = "00:00:05";
        overrides["Kafka:Consumer:auto.commit.interval.ms"] = "100";
        overrides["Logging:LogLevel:Default"] = "Warning";
        overrides["Logging:LogLevel:LoginGuard.Kafka"] = "Information";

        // What run demands of every deployment; a test that brings its own Redis overrides them below.
        overrides["Privacy:HashKey"] = TestKeys.HashKey;
        overrides["Redis:Configuration"] = TestRedis.Configuration;
        overrides["Redis:KeyPrefix"] = RedisFixture.NewPrefix();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var builder = RunCommand.CreateBuilder(overrides);
        builder.Services.AddSingleton(store);
        if (outbox is not null || settings?.ContainsKey("Redis:Configuration") != true)
        {
            // These tests watch Kafka's delivery, not the outbox's: an outbox in the process sends every mail
            // before the event's offset is stored and closes throttle windows when the worker stops, as the
            // replay that works out what is owed does.
            if (outbox is null)
            {
                builder.Services.AddSingleton<IOutboxStore, InMemoryOutboxStore>();
            }
            else
            {
                builder.Services.AddSingleton(outbox);
            }

            builder.Services.AddInProcessMail();
        }

        if (log is not null)
        {
            builder.Logging.AddProvider(log);
        }

        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new WorkerUnderTest(host);
    }

    /// <summary>The same host with its mail sent to a real SMTP server, where a mail sent twice arrives twice.</summary>
    public static Task<WorkerUnderTest> StartAsync(
        KafkaMockCluster cluster,
        KafkaTopics topics,
        SmtpTestServer smtp,
        IBehaviorStore store,
        FakeLoggerProvider? log = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        IOutboxStore? outbox = null)
    {
        var mailToServer = new Dictionary<string, string?>(smtp.WorkerSettings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            mailToServer[key] = value;
        }

        return StartAsync(cluster, topics, pickupDirectory: "", store, log, mailToServer, outbox);
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
