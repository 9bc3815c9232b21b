using LoginGuard.IntegrationTests.Kafka;
using LoginGuard.State;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.Infrastructure;

/// <summary>
/// Real <c>loginguard run</c> processes sharing what production workers share: the cluster and a test's topics, one
/// redis-server for state and the outbox, and one SMTP server that counts what it receives. A test kills one process
/// and starts the next over the same Redis, as a supervisor would after a crash.
/// </summary>
internal sealed class ProductionWorkers : IAsyncDisposable
{
    private const string Prefix = "lg:";
    private readonly List<WorkerProcess> processes = [];
    private readonly Dictionary<string, string?> settings;

    private ProductionWorkers(RedisServer redis, ConnectionMultiplexer connection, SmtpTestServer smtp, Dictionary<string, string?> settings)
    {
        Redis = redis;
        Connection = connection;
        Smtp = smtp;
        this.settings = settings;
    }

    public RedisServer Redis { get; }

    public ConnectionMultiplexer Connection { get; }

    public SmtpTestServer Smtp { get; }

    /// <summary>A worker's lease on the mail it claimed: how long its replacement waits before sending that mail.</summary>
    public static TimeSpan MailLease => TimeSpan.FromSeconds(3);

    public static async Task<ProductionWorkers> StartAsync(KafkaMockCluster cluster, KafkaTopics topics)
    {
        var redis = await RedisServer.StartAsync();
        var smtp = SmtpTestServer.Start();
        var settings = topics.WorkerSettings(cluster, pickupDirectory: "");
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:KeyPrefix"] = Prefix,
            ["Alerts:Outbox:Lease"] = MailLease.ToString("c"),
            ["Alerts:Outbox:PollInterval"] = "00:00:00.200",
            ["Alerts:Outbox:RetryBaseDelay"] = "00:00:00.500",
            ["Privacy:HashKey"] = Convert.ToBase64String("loginguard-tests-hash-key-32-byte"u8),
            ["Kafka:RetryBaseDelay"] = "00:00:00.020",
            ["Kafka:RetryMaxDelay"] = "00:00:00.200",
            ["Kafka:Consumer:auto.commit.interval.ms"] = "100",

            // The killed member holds its partitions until its session times out.
            ["Kafka:Consumer:session.timeout.ms"] = "3000",
            ["Kafka:Consumer:heartbeat.interval.ms"] = "500",
            ["Logging:LogLevel:Default"] = "Warning",
        })
        {
            settings[key] = value;
        }

        foreach (var (key, value) in smtp.WorkerSettings)
        {
            settings[key] = value;
        }

        return new ProductionWorkers(redis, RedisConnection.Connect(redis.Configuration), smtp, settings);
    }

    public WorkerProcess Start(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var all = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var worker = WorkerProcess.Start(all);
        processes.Add(worker);
        return worker;
    }

    /// <summary>Events whose decision the state holds: each a <c>{u:learner}:d:eventId</c> key, written with the state in one script.</summary>
    public async Task<int> DecisionsInStateAsync() =>
        await Connection.GetServers()[0].KeysAsync(pattern: Prefix + "{u:*}:d:*").CountAsync();

    /// <summary>Events whose decision the cluster acknowledged and the worker recorded as published (<c>{u:learner}:p:eventId</c>).</summary>
    public async Task<int> PublishedInStateAsync() =>
        await Connection.GetServers()[0].KeysAsync(pattern: Prefix + "{u:*}:p:*").CountAsync();

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
        await Redis.DisposeAsync();
    }
}
