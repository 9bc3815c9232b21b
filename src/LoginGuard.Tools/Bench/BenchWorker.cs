using System.Diagnostics;
using LoginGuard.Worker.Commands;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.Tools.Bench;

/// <summary>
/// <c>loginguard run</c>, as deployed, in a process of its own pointed at the bench's cluster, Redis and a
/// pickup folder: its resident set and CPU time are the worker's alone, not the mock brokers' or the
/// generated events'.
/// </summary>
internal sealed class BenchWorker : IDisposable
{
    /// <summary>The consumer group every bench worker joins.</summary>
    public const string GroupId = "loginguard-bench";

    private readonly Process process;
    private readonly Timer sampler;
    private long maxRss;
    private volatile bool assigned;

    private BenchWorker(Process process)
    {
        this.process = process;
        sampler = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    /// <summary>Resident set now, refreshed.</summary>
    public long Rss
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>Whether the worker has said it was given partitions of the events topic.</summary>
    public bool HasPartitions => assigned;

    /// <summary>The largest resident set sampled since <see cref="ResetPeak"/>.</summary>
    public long PeakRss => Interlocked.Read(ref maxRss);

    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static BenchWorker Start(string bootstrapServers, BenchTopics topics, string redisConfiguration, IReadOnlyDictionary<string, string> environment, string pickupDirectory, TextWriter log)
    {
        var (executable, arguments) = Worker();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Settings(bootstrapServers, topics, redisConfiguration, pickupDirectory))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the worker ({executable}).");
        var worker = new BenchWorker(process);
        process.OutputDataReceived += (_, line) => worker.Forward(log, line.Data);
        process.ErrorDataReceived += (_, line) => worker.Forward(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public void ResetPeak() => Interlocked.Exchange(ref maxRss, Rss);

    public void Dispose()
    {
        sampler.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static Dictionary<string, string?> Settings(string bootstrapServers, BenchTopics topics, string redisConfiguration, string pickupDirectory) => new()
    {
        ["Kafka:BootstrapServers"] = bootstrapServers,
        ["Kafka:GroupId"] = GroupId,
        ["Kafka:EventsTopic"] = topics.Events,
        ["Kafka:DecisionsTopic"] = topics.Decisions,
        ["Kafka:DeadLetterTopic"] = topics.DeadLetters,

        // Against the mock cluster librdkafka's default 500 ms fetch wait was measured to cap consumption at
        // ≈ 36k events/s; the Kafka tests use 5 ms too.
        ["Kafka:Consumer:fetch.wait.max.ms"] = "5",
        ["Kafka:Producer:linger.ms"] = "1",

        // The mock cluster finishes each step of a cooperative rebalance only when the session timeout (45 s by
        // default) passes: a second worker got its partitions 88 s after it joined. As the scale-out tests do.
        ["Kafka:Consumer:session.timeout.ms"] = "6000",
        ["Kafka:Consumer:heartbeat.interval.ms"] = "500",

        // The bench's retention drops events below the group's committed offsets, and the mock broker walks every message
        // set it keeps to answer a fetch: with librdkafka's 5 s commit interval it kept 5 s of events for the walk.
        ["Kafka:Consumer:auto.commit.interval.ms"] = "250",
        ["Redis:Configuration"] = redisConfiguration,
        ["GeoIp:CityDatabasePath"] = SampleData.Find("geoip/sample-city.mmdb"),
        ["GeoIp:AsnDatabasePath"] = SampleData.Find("geoip/sample-asn.mmdb"),
        ["Smtp:Host"] = "",
        ["Smtp:PickupDirectory"] = pickupDirectory,
        ["Logging:LogLevel:Default"] = "Warning",

        // Partitions assigned and revoked: with several workers, when the group settled shows beside the figures.
        ["Logging:LogLevel:LoginGuard.Kafka.EventConsumerLoop"] = "Information",
        ["Privacy:HashKey"] = Convert.ToBase64String("loginguard-bench-hash-key-32-byte"u8),
    };

    /// <summary>
    /// The <c>loginguard</c> the tools were built with, which sits beside them: its apphost, or
    /// <c>dotnet loginguard.dll</c> where there is none (a folder copied without it).
    /// </summary>
    private static (string Executable, string[] Arguments) Worker()
    {
        var assembly = typeof(RunCommand).Assembly.Location;
        var appHost = Path.Combine(Path.GetDirectoryName(assembly)!, Path.GetFileNameWithoutExtension(assembly) + (OperatingSystem.IsWindows() ? ".exe" : ""));
        if (File.Exists(appHost))
        {
            return (appHost, ["run"]);
        }

        var host = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        return (host, [assembly, "run"]);
    }

    private void Forward(TextWriter log, string? line)
    {
        if (line is not null)
        {
            // An incremental rebalance logs an empty assignment on the way.
            assigned |= line.Contains("Partitions assigned: bench-", StringComparison.Ordinal);
            lock (log)
            {
                log.WriteLine(FormattableString.Invariant($"  worker {Environment.TickCount64 / 1000.0:F1}: {line}"));
            }
        }
    }

    private void Sample()
    {
        try
        {
            var rss = Rss;
            var seen = Interlocked.Read(ref maxRss);
            while (rss > seen && Interlocked.CompareExchange(ref maxRss, rss, seen) != seen)
            {
                seen = Interlocked.Read(ref maxRss);
            }
        }
        catch (InvalidOperationException)
        {
            // The worker exited; the bench notices when its decisions stop.
        }
    }
}

internal sealed record BenchTopics(string Events, int EventPartitions, string Decisions, int DecisionPartitions, string DeadLetters);
