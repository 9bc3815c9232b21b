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
        var all = await progress.ComputeAsync(Invariant($"generate {warmupEvents + events + paced:N0} events of {learners:N0} learners"), null, _ => BenchEvents.Generate(warmupEvents + events + paced, learners));
        var (warmup, bulk, latency) = (all.Take(warmupEvents).ToList(), all.Skip(warmupEvents).Take(events).ToList(), all.Skip(warmupEvents + events).ToList());
        var bytes = all.Sum(m => (long)m.Value!.Length + m.Key!.Length);

        using var cluster = new KafkaMockCluster();
        var (eventsTopic, eventPartitions) = cluster.CreateTopicFor("bench-events", bytes);
        var (decisionsTopic, decisionPartitions) = cluster.CreateTopicFor("bench-decisions", all.Count * 1200L);
        var topics = new BenchTopics(eventsTopic, eventPartitions, decisionsTopic, decisionPartitions, cluster.CreateTopicFor("bench-dlq", 0).Name);
        using var connection = await ConnectionMultiplexer.ConnectAsync(redisConfiguration);
        var memoryBefore = await BenchRedis.UsedMemoryAsync(connection);
        var pickup = Directory.CreateTempSubdirectory("loginguard-bench-").FullName;
        output.WriteLine(Invariant($"{run.Workers} worker{(run.Workers == 1 ? "" : "s")} in one consumer group, state in {redis.Description}."));
        using (var worker = BenchWorkers.Start(run.Workers, cluster.BootstrapServers, topics, redisConfiguration, pickup, output))
        {
            await progress.ComputeAsync(Invariant($"warm up on {warmup.Count:N0} events"), null, _ =>
            {
                BenchEvents.Produce(cluster.BootstrapServers, eventsTopic, warmup);
                return Await(cluster, topics, warmup.Count);
            });
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
            var bulkStart = DateTime.UtcNow;
            var decided = await progress.ComputeAsync(Invariant($"decide {events:N0} events at full speed"), null, _ =>
            {
                BenchEvents.Produce(cluster.BootstrapServers, eventsTopic, bulk);
                return Await(cluster, topics, warmup.Count + events);
            });
            var bulkIds = bulk.Select(m => BenchEvents.EventId(m.Value!)).ToList();
            var lastBulk = bulkIds.Where(decided.ContainsKey).Select(id => decided[id]).DefaultIfEmpty(bulkStart).Max();
            var cpu = worker.CpuTimes.Zip(cpuBefore, (after, before) => after - before).ToList();
            var throughput = events / (lastBulk - bulkStart).TotalSeconds;
            output.WriteLine(Invariant($"End to end: {events:N0} events produced at full speed to {eventPartitions} partitions, all decided in {(lastBulk - bulkStart).TotalSeconds:F2} s: {throughput:N0} events/s; the worker{(cpu.Count == 1 ? "" : "s")} used {cpu.Sum(c => c.TotalMicroseconds) / events:N0} µs of CPU per event{Shares(cpu)}."));

            var mailed = await progress.StageAsync("wait for the burst's mail to be sent", null, _ => BenchOutbox.UntilNothingIsDueAsync(connection, Patience, cancellationToken));
            output.WriteLine(mailed is { } sending
                ? Invariant($"The burst's mail was sent {sending.TotalSeconds:F1} s after its last decision.")
                : Invariant($"The burst's mail was still being sent {Patience.TotalMinutes:F0} min after its last decision: the latency below includes sending it."));
            var pacedCpuBefore = worker.CpuTime;
            decided = await progress.ComputeAsync(Invariant($"offer {rate:N0} events/s for {LatencySeconds} s"), null, _ =>
            {
                BenchEvents.Produce(cluster.BootstrapServers, eventsTopic, latency, rate);
                return Await(cluster, topics, all.Count);
            });
            var pacedCpu = worker.CpuTime - pacedCpuBefore;
            var produced = BenchReader.ReadStamps(cluster.BootstrapServers, eventsTopic, eventPartitions, all.Count, Patience);
            var latencies = latency.Select(m => BenchEvents.EventId(m.Value!)).Where(decided.ContainsKey)
                .Select(id => (decided[id] - produced[id]).TotalMilliseconds).Order().ToList();
            output.WriteLine(Invariant($"Latency at {rate:N0} events/s offered for {LatencySeconds} s ({latencies.Count:N0} events), produce → decision timestamps (1 ms resolution): p50 {Percentile(latencies, 0.50):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies.DefaultIfEmpty().Max():F0} ms; the worker{(run.Workers == 1 ? "" : "s")} used {pacedCpu.TotalMicroseconds / latency.Count:N0} µs of CPU per event."));
            BenchPlots.Latency(latencies, rate, plot, p => Percentile(latencies, p));
            output.WriteLine(Invariant($"Decisions: {decided.Count:N0} distinct of {all.Count:N0} events produced ({all.Count - decided.Count:N0} missing)."));
            output.WriteLine(Invariant($"Worker RSS (its own process{(run.Workers == 1 ? "" : ", the largest of the workers'")}): {rssAfterWarmup / 1048576.0:N0} MiB after warm-up, {worker.PeakRss / 1048576.0:N0} MiB at most while deciding {events + latency.Count:N0} events of {learners:N0} learners."));
        }

        var memoryAfter = await BenchRedis.UsedMemoryAsync(connection);
        var learnersSeen = all.Select(m => Convert.ToBase64String(m.Key!)).Distinct().Count();
        output.WriteLine(Invariant($"Redis used_memory{(run.RedisCluster ? " (masters)" : "")} grew {(memoryAfter - memoryBefore) / 1048576.0:N1} MiB: {(memoryAfter - memoryBefore) / (double)learnersSeen:N0} bytes per learner ({learnersSeen:N0} learners, {all.Count / (double)learnersSeen:F1} events each, decisions and outbox included)."));

        var (consumeCeiling, scriptCeiling) = await progress.StageAsync("measure the ceilings", null, async _ =>
            (BenchReader.RawConsumeRate(cluster.BootstrapServers, eventsTopic, eventPartitions, all.Count),
             await BenchRedisScripts.RateAsync(redisConfiguration, 100_000, ScriptConcurrency, cancellationToken)));
        output.WriteLine(Invariant($"Ceilings, same run: raw consume {consumeCeiling:N0} messages/s; concurrent Redis script calls ({ScriptConcurrency} in flight) {scriptCeiling:N0} calls/s."));
        Directory.Delete(pickup, recursive: true);
        progress.Finish($"measured (figure: {plot})");
        return 0;
    }

    private static Dictionary<string, DateTime> Await(KafkaMockCluster cluster, BenchTopics topics, int count) =>
        BenchReader.ReadStamps(cluster.BootstrapServers, topics.Decisions, topics.DecisionPartitions, count, Patience);

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>How the CPU time split between two or more workers: one that got no partitions would show here.</summary>
    private static string Shares(List<TimeSpan> cpu) =>
        cpu.Count == 1 ? "" : Invariant($" ({string.Join(" + ", cpu.Select(c => Invariant($"{c.TotalSeconds:F1} s")))} of CPU)");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

/// <summary>What one <c>bench pipeline</c> run measures, as given on the command line.</summary>
internal sealed record BenchPipelineRun(int Events, int Learners, int Rate, int Warmup, int Workers, bool RedisCluster);
