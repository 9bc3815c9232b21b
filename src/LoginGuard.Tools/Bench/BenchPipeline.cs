using System.Globalization;
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

    public static async Task<int> RunAsync(int events, int learners, int rate, int warmupEvents, string plot, TextWriter output, CancellationToken cancellationToken)
    {
        if (!RedisServer.IsInstalled)
        {
            await Console.Error.WriteLineAsync("bench pipeline: redis-server is not installed (apt-get install redis-server).");
            return 2;
        }

        await using var redis = await RedisServer.StartAsync();
        // INFO is an admin command to StackExchange.Redis.
        var redisConfiguration = redis.Address + ",allowAdmin=true";
        var progress = CommandProgress.For("bench pipeline", output);
        var paced = rate * LatencySeconds;
        var all = await progress.ComputeAsync(Invariant($"generate {warmupEvents + events + paced:N0} events of {learners:N0} learners"), null, _ => BenchEvents.Generate(warmupEvents + events + paced, learners));
        var (warmup, bulk, latency) = (all.Take(warmupEvents).ToList(), all.Skip(warmupEvents).Take(events).ToList(), all.Skip(warmupEvents + events).ToList());
        var bytes = all.Sum(m => (long)m.Value!.Length + m.Key!.Length);

        using var cluster = new KafkaMockCluster();
        var (eventsTopic, eventPartitions) = cluster.CreateTopicFor("bench-events", bytes);
        var (decisionsTopic, decisionPartitions) = cluster.CreateTopicFor("bench-decisions", all.Count * 1200L);
        var topics = new BenchTopics(eventsTopic, eventPartitions, decisionsTopic, decisionPartitions, cluster.CreateTopicFor("bench-dlq", 0).Name);
        using var connection = await ConnectionMultiplexer.ConnectAsync(redisConfiguration);
        var server = connection.GetServers()[0];
        var memoryBefore = await UsedMemoryAsync(server);
        var pickup = Directory.CreateTempSubdirectory("loginguard-bench-").FullName;
        using (var worker = BenchWorker.Start(cluster.BootstrapServers, topics, redisConfiguration, pickup, output))
        {
            await progress.ComputeAsync(Invariant($"warm up on {warmup.Count:N0} events"), null, _ =>
            {
                BenchEvents.Produce(cluster.BootstrapServers, eventsTopic, warmup);
                return Await(cluster, topics, warmup.Count);
            });
            var rssAfterWarmup = worker.Rss;
            worker.ResetPeak();

            var cpuBefore = worker.CpuTime;
            var bulkStart = DateTime.UtcNow;
            var decided = await progress.ComputeAsync(Invariant($"decide {events:N0} events at full speed"), null, _ =>
            {
                BenchEvents.Produce(cluster.BootstrapServers, eventsTopic, bulk);
                return Await(cluster, topics, warmup.Count + events);
            });
            var bulkIds = bulk.Select(m => BenchEvents.EventId(m.Value!)).ToList();
            var lastBulk = bulkIds.Where(decided.ContainsKey).Select(id => decided[id]).DefaultIfEmpty(bulkStart).Max();
            var cpu = worker.CpuTime - cpuBefore;
            var throughput = events / (lastBulk - bulkStart).TotalSeconds;
            output.WriteLine(Invariant($"End to end: {events:N0} events produced at full speed to {eventPartitions} partitions, all decided in {(lastBulk - bulkStart).TotalSeconds:F2} s: {throughput:N0} events/s; the worker used {cpu.TotalMicroseconds / events:N0} µs of CPU per event."));

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
            output.WriteLine(Invariant($"Latency at {rate:N0} events/s offered for {LatencySeconds} s ({latencies.Count:N0} events), produce → decision timestamps (1 ms resolution): p50 {Percentile(latencies, 0.50):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies.DefaultIfEmpty().Max():F0} ms; the worker used {pacedCpu.TotalMicroseconds / latency.Count:N0} µs of CPU per event."));
            BenchPlots.Latency(latencies, rate, plot, p => Percentile(latencies, p));
            output.WriteLine(Invariant($"Decisions: {decided.Count:N0} distinct of {all.Count:N0} events produced ({all.Count - decided.Count:N0} missing)."));
            output.WriteLine(Invariant($"Worker RSS (its own process): {rssAfterWarmup / 1048576.0:N0} MiB after warm-up, {worker.PeakRss / 1048576.0:N0} MiB at most while deciding {events + latency.Count:N0} events of {learners:N0} learners."));
        }

        var memoryAfter = await UsedMemoryAsync(server);
        var learnersSeen = all.Select(m => Convert.ToBase64String(m.Key!)).Distinct().Count();
        output.WriteLine(Invariant($"Redis used_memory grew {(memoryAfter - memoryBefore) / 1048576.0:N1} MiB: {(memoryAfter - memoryBefore) / (double)learnersSeen:N0} bytes per learner ({learnersSeen:N0} learners, {all.Count / (double)learnersSeen:F1} events each, decisions and outbox included)."));

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

    private static async Task<long> UsedMemoryAsync(IServer server) =>
        long.Parse((await server.InfoAsync("memory")).SelectMany(g => g).First(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
