using System.Diagnostics;
using System.Globalization;
using LoginGuard.Pipeline;
using LoginGuard.State;
using LoginGuard.Testing.Redis;
using LoginGuard.Worker.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LoginGuard.Tools.Bench;

/// <summary>
/// Writes learners' histories through the Redis behavior store, wired as the worker wires it, and reports
/// Redis's own accounting: the growth of <c>used_memory</c> per learner, and <c>MEMORY USAGE</c> of one
/// learner's keys to show where the bytes go.
/// </summary>
internal static class BenchRedisMemory
{
    private const int InFlightLearners = 64;

    /// <summary>Points on the memory figure.</summary>
    private const int Samples = 40;

    public const string PlotFile = "redis-memory.png";

    public static async Task<int> RunAsync(int learners, string? redisConfiguration, string plot, TextWriter output, CancellationToken cancellationToken)
    {
        await using var local = redisConfiguration is null && RedisServer.IsInstalled ? await RedisServer.StartAsync() : null;
        if (redisConfiguration is null && local is null)
        {
            await Console.Error.WriteLineAsync("bench redis-memory: redis-server is not installed; install it or pass --redis HOST:PORT.");
            return 2;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // INFO and MEMORY USAGE are admin commands to StackExchange.Redis.
            [$"{RedisOptions.Section}:Configuration"] = (redisConfiguration ?? local!.Address) + ",allowAdmin=true",
        }).Build();
        await using var provider = new ServiceCollection().AddState(configuration).AddRedisBackend(RedisConnection.ReadOptions(configuration)).BuildServiceProvider();
        var store = provider.GetRequiredService<IBehaviorStore>();
        var redis = provider.GetRequiredService<IConnectionMultiplexer>();
        if (await ConnectedServerAsync(redis, cancellationToken) is not { } server)
        {
            await Console.Error.WriteLineAsync($"bench redis-memory: could not connect to Redis at {redisConfiguration ?? local!.Address} within 10 s.");
            return 1;
        }

        var progress = CommandProgress.For("bench redis-memory", output);
        var before = await UsedMemoryAsync(server);
        var memory = new Growth(server, before);
        var clock = Stopwatch.StartNew();
        var written = 0;
        await progress.StageAsync(FormattableString.Invariant($"write {learners:N0} learners"), learners, done => Parallel.ForEachAsync(
            Enumerable.Range(0, learners), new ParallelOptions { MaxDegreeOfParallelism = InFlightLearners, CancellationToken = cancellationToken }, async (learner, ct) =>
            {
                foreach (var (enriched, decision) in BenchLearners.For(learner))
                {
                    await store.RecordAsync(enriched, decision, ct);
                }

                var count = Interlocked.Increment(ref written);
                done.Report(count);
                if (count % Math.Max(1, learners / Samples) == 0)
                {
                    await memory.SampleAsync(count);
                }
            }));
        var seconds = clock.Elapsed.TotalSeconds;
        var after = await UsedMemoryAsync(server);
        await memory.SampleAsync(learners);

        var events = (long)learners * BenchLearners.EventsPerLearner;
        var version = (await server.InfoAsync("server")).SelectMany(g => g).First(p => p.Key == "redis_version").Value;
        output.WriteLine(FormattableString.Invariant($"Wrote {learners:N0} learners ({events:N0} events) through the Redis store in {seconds:F0} s ({events / seconds:N0} events/s), Redis {version} at {server.EndPoint}."));
        output.WriteLine(FormattableString.Invariant($"used_memory grew {before:N0} → {after:N0} bytes: {(after - before) / (double)learners:N0} bytes per learner (state, {BenchLearners.EventsPerLearner} decisions, and the address and network failure sets)."));
        await DescribeOneLearnerAsync(redis, provider.GetRequiredService<RedisKeys>(), server, output);
        BenchPlots.Memory(memory.Samples, FormattableString.Invariant($"Redis memory while {learners:N0} learners' histories are written"), "learners written", plot);
        progress.Finish($"measured (figure: {plot})");
        return 0;
    }

    private static async Task DescribeOneLearnerAsync(IConnectionMultiplexer redis, RedisKeys keys, IServer server, TextWriter output)
    {
        var learner = BenchLearners.For(0).First().Event.Keys.Learner;
        var database = redis.GetDatabase();
        var stateKey = keys.LearnerState(learner);
        long decisions = 0, decisionBytes = 0;
        await foreach (var key in server.KeysAsync(pattern: keys.LearnerPattern(learner)))
        {
            if (key != stateKey)
            {
                decisions++;
                decisionBytes += await MemoryUsageAsync(database, key);
            }
        }

        var state = await MemoryUsageAsync(database, stateKey);
        output.WriteLine(FormattableString.Invariant(
            $"MEMORY USAGE of learner 0: state {state:N0} bytes (serialized history {await database.StringLengthAsync(stateKey):N0} bytes); {decisions} decisions {decisionBytes:N0} bytes ({decisionBytes / Math.Max(1, decisions):N0} each)."));
    }

    internal static async Task<long> MemoryUsageAsync(IDatabase database, RedisKey key) =>
        (long)await database.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");

    internal static async Task<long> UsedMemoryAsync(IServer server) =>
        long.Parse((await server.InfoAsync("memory")).SelectMany(g => g).First(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture);

    /// <summary>used_memory above where a bench started, sampled as it goes, for its figure.</summary>
    internal sealed class Growth(IServer server, long before)
    {
        private readonly List<(long Done, long Bytes)> samples = [(0, 0)];

        public IReadOnlyList<(long Done, long Bytes)> Samples
        {
            get
            {
                lock (samples)
                {
                    return [.. samples.OrderBy(s => s.Done)];
                }
            }
        }

        public async Task SampleAsync(long done)
        {
            var grown = await UsedMemoryAsync(server) - before;
            lock (samples)
            {
                samples.Add((done, grown));
            }
        }
    }

    /// <summary>The multiplexer starts even while Redis is down (as the worker must); a bench wants it up, so it waits a little.</summary>
    internal static async Task<IServer?> ConnectedServerAsync(IConnectionMultiplexer redis, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (!redis.IsConnected && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, cancellationToken);
        }

        return redis.GetServers().FirstOrDefault(s => s.IsConnected && !s.IsReplica);
    }
}
