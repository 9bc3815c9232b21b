using LoginGuard.State;
using LoginGuard.Testing.Hosting;
using LoginGuard.Testing.Kafka;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.Infrastructure;

/// <summary>
/// Real <c>loginguard run</c> processes sharing what production workers share: the cluster and a test's topics, one
/// Redis (a redis-server, or a Redis Cluster) for state and the outbox, and one SMTP server that counts what it
/// receives. A test kills one process and starts the next over the same Redis, as a supervisor would after a crash.
/// </summary>
internal sealed class ProductionWorkers : IAsyncDisposable
{
    private const string Prefix = "lg:";
    private readonly List<WorkerProcess> processes = [];
    private readonly IAsyncDisposable redis;
    private readonly WorkerSettings settings;

    private ProductionWorkers(IAsyncDisposable redis, ConnectionMultiplexer connection, SmtpTestServer smtp, WorkerSettings settings)
    {
        this.redis = redis;
        Connection = connection;
        Smtp = smtp;
        this.settings = settings;
    }

    /// <summary>The Redis Cluster the workers share, when started with <see cref="OnRedisClusterAsync"/>.</summary>
    public RedisCluster? RedisCluster => redis as RedisCluster;

    public ConnectionMultiplexer Connection { get; }

    public SmtpTestServer Smtp { get; }

    /// <summary>A worker's lease on the mail it claimed: how long its replacement waits before sending that mail.</summary>
    public static TimeSpan MailLease => TimeSpan.FromSeconds(3);

    public static async Task<ProductionWorkers> StartAsync(KafkaMockCluster cluster, KafkaTopics topics)
    {
        var redis = await RedisServer.StartAsync();
        return Over(cluster, topics, redis, redis.Configuration);
    }

    /// <summary>Workers whose state and outbox live in a Redis Cluster of three masters and three replicas.</summary>
    public static async Task<ProductionWorkers> OnRedisClusterAsync(KafkaMockCluster cluster, KafkaTopics topics)
    {
        var redis = await RedisCluster.StartAsync();
        return Over(cluster, topics, redis, redis.Configuration);
    }

    private static ProductionWorkers Over(KafkaMockCluster cluster, KafkaTopics topics, IAsyncDisposable redis, string redisConfiguration)
    {
        var smtp = SmtpTestServer.Start();
        var settings = new WorkerSettings()
            .Kafka(cluster.BootstrapServers)
            .Topics(topics)
            .Smtp(smtp.Port)
            .Redis(redisConfiguration, Prefix)
            .With("Privacy:HashKey", TestKeys.HashKey)
            .With(new Dictionary<string, string?>
            {
                ["Alerts:Outbox:Lease"] = MailLease.ToString("c"),
                ["Alerts:Outbox:PollInterval"] = "00:00:00.200",
                ["Alerts:Outbox:RetryBaseDelay"] = "00:00:00.500",
                ["Kafka:RetryBaseDelay"] = "00:00:00.020",
                ["Kafka:RetryMaxDelay"] = "00:00:00.200",
                ["Kafka:Consumer:auto.commit.interval.ms"] = "100",

                // The killed member holds its partitions until its session times out.
                ["Kafka:Consumer:session.timeout.ms"] = "3000",
                ["Kafka:Consumer:heartbeat.interval.ms"] = "500",
            });
        return new ProductionWorkers(redis, RedisConnection.Connect(redisConfiguration), smtp, settings);
    }

    public WorkerProcess Start(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var worker = WorkerProcess.Start(settings.With(overrides));
        processes.Add(worker);
        return worker;
    }

    /// <summary>Events whose decision the state holds: each a <c>{u:learner}:d:eventId</c> key, written with the state in one script.</summary>
    public async Task<int> DecisionsInStateAsync() =>
        await Connection.GetServers()[0].KeysAsync(pattern: Prefix + "{u:*}:d:*").CountAsync();

    /// <summary>Events whose decision the cluster acknowledged and the worker recorded as published (<c>{u:learner}:p:eventId</c>).</summary>
    public async Task<int> PublishedInStateAsync() =>
        await Connection.GetServers()[0].KeysAsync(pattern: Prefix + "{u:*}:p:*").CountAsync();

    /// <summary>The port of the Redis node that serves the outbox's slot now (every outbox key shares <c>{outbox}</c>).</summary>
    public int OutboxNodePort => ((System.Net.IPEndPoint)Connection.GetServer(new RedisKeys(Prefix).OutboxDue).EndPoint).Port;

    /// <summary>Alerts the outbox still owes (queued, or claimed by a worker and not yet recorded as sent).</summary>
    public async Task<long> MailOwedAsync()
    {
        var queued = new RedisKeys(Prefix).OutboxQueued;
        return await Connection.GetDatabase().SortedSetLengthAsync(queued);
    }

    /// <summary>
    /// Brings forward the wall-clock end of every open new-device window, as the hour (<c>Alerts:Throttle:Window</c>)
    /// passing would, so the workers' next round queues the summaries those windows held.
    /// </summary>
    public async Task EndMailWindowsAsync()
    {
        var windows = new RedisKeys(Prefix).OutboxWindows;
        var db = Connection.GetDatabase();
        foreach (var learner in await db.SortedSetRangeByRankAsync(windows))
        {
            await db.SortedSetAddAsync(windows, learner, 0);
        }
    }

    /// <summary>
    /// Once every event is decided (so every alert is queued or held): ends the held windows, then waits until the
    /// outbox owes nothing and the server has every owed mail, and a moment more, so a late copy shows.
    /// </summary>
    public async Task WaitForEveryMailAsync(IReadOnlySet<string> owedMail, TimeSpan patience)
    {
        await EndMailWindowsAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await MailOwedAsync() > 0 || !Smtp.Arrivals.ToHashSet().IsSupersetOf(owedMail))
        {
            if (clock.Elapsed > patience + MailLease)
            {
                throw new Xunit.Sdk.XunitException(
                    $"Mail still owed after {clock.Elapsed}: {await MailOwedAsync()} in the outbox; not received: {string.Join(", ", owedMail.Except(Smtp.Arrivals))}; " +
                    $"received but not owed: {string.Join(", ", Smtp.Arrivals.Except(owedMail))}\n{Output}");
            }

            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    /// <summary>What the workers said, for a failure message.</summary>
    public string Output => string.Join('\n', processes.SelectMany((p, i) => p.Output.Select(line => $"[worker {i + 1}] {line}")));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            process.Dispose();
        }

        await Smtp.DisposeAsync();
        await Connection.DisposeAsync();
        await redis.DisposeAsync();
    }
}
