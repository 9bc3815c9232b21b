using System.Collections.Concurrent;
using System.Diagnostics;
using Confluent.Kafka;
using LoginGuard.Testing.Kafka;
using LoginGuard.Testing.Redis;
using LoginGuard.Worker.Terminal;
using StackExchange.Redis;

namespace LoginGuard.Tools.Bench;

/// <summary>
/// <c>bench pipeline</c>: the run worker end to end on this machine — a mock Kafka cluster and a redis-server
/// of its own, generated events — then, in the same run, the ceilings it is measured against.
/// </summary>
internal static class BenchPipeline
{
    private const int LatencySeconds = 5;
    private const int ScriptConcurrency = 256;

    /// <summary>
    /// Events of one partition produced and not yet decided, at most: the mock cluster keeps about 5 MiB per partition
    /// (≈ 13,000 of these events) and drops the oldest silently, so a run of millions is produced no faster than it is
    /// decided, and no partition the worker reads slower than the rest falls out of the log.
    /// </summary>
    private const int InFlightPerPartition = 5_000;

    /// <summary>Events the topics are sized for: more partitions than the worker has lanes, as before the bound was per partition.</summary>
    private const int Sized = 50_000;

    /// <summary>
    /// Events the consume ceiling reads, from a topic of their own since the events topic keeps only what the workers
    /// have not committed: about what the events topic held when it kept everything, its partitions full.
    /// </summary>
    private const int CeilingEvents = 200_000;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public const string PlotFile = "pipeline-latency.png";

    public static async Task<int> RunAsync(BenchPipelineRun run, string plot, TextWriter output, CancellationToken cancellationToken)
    {
        if (!RedisServer.IsInstalled)
        {
            await Console.Error.WriteLineAsync("bench pipeline: redis-server is not installed (apt-get install redis-server).");
            return 2;
        }

        var (events, learners, rate, warmupEvents) = (run.Events, run.Learners, run.Rate, run.Warmup);
        var progress = CommandProgress.For("bench pipeline", output);
        await using var redis = await progress.StageAsync(run.RedisCluster ? "start a Redis Cluster" : "start redis-server", null, _ => BenchRedis.StartAsync(run.RedisCluster));
        var redisConfiguration = redis.Configuration;
        var paced = rate * LatencySeconds;
        var total = warmupEvents + events + paced;
        using var source = BenchEvents.Stream(total, learners).GetEnumerator();
        var warmup = await progress.ComputeAsync(Invariant($"generate the first {warmupEvents:N0} of {total:N0} events of {learners:N0} learners"), null, _ => Next(source, warmupEvents).ToList());

        using var cluster = new KafkaMockCluster();
        var (eventsTopic, eventPartitions) = cluster.CreateTopicFor("bench-events", Sized * 2L * 512);
        var (decisionsTopic, decisionPartitions) = cluster.CreateTopicFor("bench-decisions", Sized * 2L * 1200);
        var topics = new BenchTopics(eventsTopic, eventPartitions, decisionsTopic, decisionPartitions, cluster.CreateTopicFor("bench-dlq", 0).Name);
        using var connection = await ConnectionMultiplexer.ConnectAsync(redisConfiguration);
        var memoryBefore = await BenchRedis.UsedMemoryAsync(connection);
        var pickup = Directory.CreateTempSubdirectory("loginguard-bench-").FullName;
        output.WriteLine(Invariant($"{run.Workers} worker{(run.Workers == 1 ? "" : "s")} in one consumer group, state in {redis.Description}{WorkerEnvironment(run)}."));
        using var decisions = new BenchDecisions(cluster.BootstrapServers, decisionsTopic, decisionPartitions, eventPartitions, total);
        using var producing = new BenchProducing(cluster.BootstrapServers, decisions, eventPartitions, InFlightPerPartition);
        using var retention = new BenchRetention(cluster, topics, decisions);
        using (var worker = BenchWorkers.Start(run.Workers, cluster.BootstrapServers, topics, redisConfiguration, run.WorkerEnvironment, pickup, output))
        {
            await progress.StageAsync(Invariant($"warm up on {warmup.Count:N0} events"), null, _ => producing.DecideAsync(eventsTopic, warmup, 0, Patience, cancellationToken));
            if (run.Workers > 1)
            {
                var settled = await progress.StageAsync(Invariant($"wait for {run.Workers} workers to share the partitions"), null, _ => worker.UntilEachHasPartitionsAsync(Patience, cancellationToken));
                output.WriteLine(settled is { } took
                    ? Invariant($"Every worker had partitions {took.TotalSeconds:F1} s after the warm-up.")
                    : Invariant($"Not every worker had partitions {Patience.TotalMinutes:F0} min after the warm-up: the figures below are of fewer workers."));
            }

            var rssAfterWarmup = worker.Rss;
            worker.ResetPeak();

            var cpuBefore = worker.CpuTimes;
            var boxBefore = await BenchBox.ReadAsync(worker, connection);
            var bulkStart = DateTime.UtcNow;
            var bulk = await progress.StageAsync(Invariant($"generate and decide {events:N0} events at full speed"), null, _ => producing.DecideAsync(eventsTopic, Next(source, events), 0, Patience, cancellationToken));
            var cpu = worker.CpuTimes.Zip(cpuBefore, (after, before) => after - before).ToList();
            var bulkSeconds = (decisions.LatestAt - bulkStart).TotalSeconds;
            output.WriteLine(Invariant($"End to end: {bulk:N0} events produced at full speed to {eventPartitions} partitions, at most {InFlightPerPartition:N0} a partition ahead of their decisions, all decided in {bulkSeconds:F2} s: {bulk / bulkSeconds:N0} events/s; the worker{(cpu.Count == 1 ? "" : "s")} used {cpu.Sum(c => c.TotalMicroseconds) / bulk:N0} µs of CPU per event{Shares(cpu)}."));
            output.WriteLine((await BenchBox.ReadAsync(worker, connection) - boxBefore).Describe(bulk, bulkSeconds));

            var mailed = await progress.StageAsync("wait for the burst's mail to be sent", null, _ => BenchOutbox.UntilNothingIsDueAsync(connection, Patience, cancellationToken));
            output.WriteLine(mailed is { } sending
                ? Invariant($"The burst's mail was sent {sending.TotalSeconds:F1} s after its last decision.")
                : Invariant($"The burst's mail was still being sent {Patience.TotalMinutes:F0} min after its last decision: the latency below includes sending it."));
            var latency = Next(source, paced).ToList();
            decisions.Time(latency.Select(m => BenchEvents.EventId(m.Value!)).ToHashSet(StringComparer.Ordinal));
            var pacedCpuBefore = worker.CpuTime;
            var pacedBoxBefore = await BenchBox.ReadAsync(worker, connection);
            var pacedStart = DateTime.UtcNow;
            var producedAt = new ConcurrentDictionary<string, DateTime>(StringComparer.Ordinal);
            await progress.StageAsync(Invariant($"offer {rate:N0} events/s for {LatencySeconds} s"), null, _ => producing.DecideAsync(
                eventsTopic, latency, rate, Patience, cancellationToken, message => producedAt[BenchEvents.EventId(message.Value!)] = message.Timestamp.UtcDateTime));
            var pacedCpu = worker.CpuTime - pacedCpuBefore;
            var pacedBox = await BenchBox.ReadAsync(worker, connection) - pacedBoxBefore;
            var pacedSeconds = (DateTime.UtcNow - pacedStart).TotalSeconds;
            var latencies = decisions.TimedAt.Select(decided => (decided.Value - producedAt[decided.Key]).TotalMilliseconds).Order().ToList();
            output.WriteLine(Invariant($"Latency at {rate:N0} events/s offered for {LatencySeconds} s ({latencies.Count:N0} events), produce → decision timestamps (1 ms resolution): p50 {Percentile(latencies, 0.50):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies.DefaultIfEmpty().Max():F0} ms; the worker{(run.Workers == 1 ? "" : "s")} used {pacedCpu.TotalMicroseconds / latency.Count:N0} µs of CPU per event."));
            output.WriteLine(pacedBox.Describe(latency.Count, pacedSeconds));
            BenchPlots.Latency(latencies, rate, plot, p => Percentile(latencies, p));
            output.WriteLine(Invariant($"Decisions: {decisions.Count:N0} distinct of {producing.Produced:N0} events produced ({producing.Produced - decisions.Count:N0} missing)."));
            output.WriteLine(Invariant($"Worker RSS (its own process{(run.Workers == 1 ? "" : ", the largest of the workers'")}): {Mib(rssAfterWarmup)} after warm-up, {Mib(worker.PeakRss)} at most while deciding {bulk + latency.Count:N0} events of {learners:N0} learners ({producing.Learners:N0} user ids, credential-stuffing targets included), {Mib(worker.Rss)} at the end."));
        }

        var memoryAfter = await BenchRedis.UsedMemoryAsync(connection);
        output.WriteLine(Invariant($"Redis used_memory{(run.RedisCluster ? " (masters)" : "")} grew {(memoryAfter - memoryBefore) / 1048576.0:N1} MiB: {(memoryAfter - memoryBefore) / (double)producing.Learners:N0} bytes per learner ({producing.Learners:N0} learners, {producing.Produced / (double)producing.Learners:F1} events each, decisions and outbox included)."));
        output.WriteLine(Invariant($"The bench's own process (generator, mock cluster, decision reader) peaked at {Mib(OwnPeakRss())}."));

        var (consumeCeiling, scriptCeiling) = await progress.StageAsync("measure the ceilings", null, async _ =>
            (BenchReader.RawConsumeRate(cluster, eventPartitions, Repeated(warmup, CeilingEvents)),
             await BenchRedisScripts.RateAsync(redisConfiguration, 100_000, ScriptConcurrency, cancellationToken)));
        output.WriteLine(Invariant($"Ceilings, same run: raw consume {consumeCeiling:N0} messages/s; concurrent Redis script calls ({ScriptConcurrency} in flight) {scriptCeiling:N0} calls/s."));
        Directory.Delete(pickup, recursive: true);
        progress.Finish($"measured (figure: {plot})");
        return 0;
    }

    private static IEnumerable<Message<byte[]?, byte[]?>> Repeated(List<Message<byte[]?, byte[]?>> messages, int count) =>
        Enumerable.Range(0, count).Select(i => messages[i % messages.Count]);

    private static IEnumerable<Message<byte[]?, byte[]?>> Next(IEnumerator<Message<byte[]?, byte[]?>> source, int count)
    {
        for (var i = 0; i < count && source.MoveNext(); i++)
        {
            yield return source.Current;
        }
    }

    private static string WorkerEnvironment(BenchPipelineRun run) =>
        run.WorkerEnvironment.Count == 0 ? "" : "; worker environment " + string.Join(" ", run.WorkerEnvironment.Select(e => $"{e.Key}={e.Value}"));

    private static long OwnPeakRss()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    private static string Mib(long bytes) => Invariant($"{bytes / 1048576.0:N0} MiB");

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>How the CPU time split between two or more workers: one that got no partitions would show here.</summary>
    private static string Shares(List<TimeSpan> cpu) =>
        cpu.Count == 1 ? "" : Invariant($" ({string.Join(" + ", cpu.Select(c => Invariant($"{c.TotalSeconds:F1} s")))} of CPU)");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

/// <summary>What one <c>bench pipeline</c> run measures, as given on the command line.</summary>
/// <param name="WorkerEnvironment">Set for each worker process, as a container would set it (DOTNET_GCHeapHardLimit, DOTNET_gcServer).</param>
internal sealed record BenchPipelineRun(int Events, int Learners, int Rate, int Warmup, int Workers, bool RedisCluster, IReadOnlyDictionary<string, string> WorkerEnvironment);
