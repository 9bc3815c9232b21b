using LoginGuard.Alerts.Delivery;
using LoginGuard.Alerts.Outbox;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using LoginGuard.Testing.Hosting;
using LoginGuard.Testing.Kafka;
using LoginGuard.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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

    public static Task<WorkerUnderTest> StartAsync(
        KafkaMockCluster cluster,
        KafkaTopics topics,
        string pickupDirectory,
        IBehaviorStore store,
        FakeLoggerProvider? log = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        IOutboxStore? outbox = null,
        Action<IServiceCollection>? services = null) =>
        StartAsync(new WorkerSettings().MailTo(pickupDirectory), cluster, topics, store, log, settings, outbox, services);

    /// <summary>The same host with its mail sent to a real SMTP server, where a mail sent twice arrives twice.</summary>
    public static Task<WorkerUnderTest> StartAsync(
        KafkaMockCluster cluster,
        KafkaTopics topics,
        SmtpTestServer smtp,
        IBehaviorStore store,
        FakeLoggerProvider? log = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        IOutboxStore? outbox = null) =>
        StartAsync(new WorkerSettings().Smtp(smtp.Port), cluster, topics, store, log, settings, outbox, services: null);

    private static async Task<WorkerUnderTest> StartAsync(
        WorkerSettings mail,
        KafkaMockCluster cluster,
        KafkaTopics topics,
        IBehaviorStore store,
        FakeLoggerProvider? log,
        IReadOnlyDictionary<string, string?>? settings,
        IOutboxStore? outbox,
        Action<IServiceCollection>? services)
    {
        var worker = mail
            .Kafka(cluster.BootstrapServers)
            .Topics(topics)
            .With("Kafka:RetryBaseDelay", "00:00:00.020")
            .With("Kafka:RetryMaxDelay", "00:00:00.200")
            .With("Kafka:DrainTimeout", "00:00:05")
            .With("Kafka:Consumer:auto.commit.interval.ms", "100")
            .With("Logging:LogLevel:LoginGuard.Kafka", "Information")

            // What run demands of every deployment; a test that brings its own Redis overrides them.
            .With("Privacy:HashKey", TestKeys.HashKey)
            .Redis(TestRedis.Configuration, RedisFixture.NewPrefix())
            .With(settings);
        if (log is not null)
        {
            worker = worker.LogTo(log);
        }

        var builder = worker.CreateRunBuilder();
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

        services?.Invoke(builder.Services);
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
