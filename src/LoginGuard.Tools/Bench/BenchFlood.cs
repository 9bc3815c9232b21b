using System.Diagnostics;
using System.Globalization;
using System.Text;
using LoginGuard.Pipeline;
using LoginGuard.State;
using LoginGuard.Testing.Redis;
using LoginGuard.Worker.Hosting;
using LoginGuard.Worker.Terminal;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LoginGuard.Tools.Bench;

/// <summary>
/// A credential-stuffing flood through the whole pipeline as the worker wires it, state in a real redis-server:
/// failed sign-ins of random usernames the platform does not know, from a fixed set of addresses. Reports
/// Redis's own accounting afterwards and what kinds of keys the flood left, so the bound in docs/state.md can
/// be checked against a run.
/// </summary>
internal static class BenchFlood
{
    private const int BatchSize = 500;

    /// <summary>Batches in flight at once, as the worker's lanes would run them.</summary>
    private const int Lanes = 2;

    private const string UserAgent = "python-requests/2.31.0";

    /// <summary>Points on the memory figure.</summary>
    private const int Samples = 40;

    public const string PlotFile = "flood-memory.png";

    public static async Task<int> RunAsync(int failures, int addresses, string? redisConfiguration, string plot, TextWriter output, CancellationToken cancellationToken)
    {
        await using var local = redisConfiguration is null && RedisServer.IsInstalled ? await RedisServer.StartAsync() : null;
        if (redisConfiguration is null && local is null)
        {
            await Console.Error.WriteLineAsync("bench flood: redis-server is not installed; install it or pass --redis HOST:PORT.");
            return 2;
        }

        var pickup = Directory.CreateTempSubdirectory("loginguard-flood-");
        try
        {
            using var host = LoginGuardHost.CreateBuilder(
                new Dictionary<string, string?>
                {
                    ["GeoIp:CityDatabasePath"] = SampleData.Find("geoip/sample-city.mmdb"),
                    ["GeoIp:AsnDatabasePath"] = SampleData.Find("geoip/sample-asn.mmdb"),
                },
                new Dictionary<string, string?>
                {
                    // INFO and MEMORY USAGE are admin commands to StackExchange.Redis.
                    [$"{RedisOptions.Section}:Configuration"] = (redisConfiguration ?? local!.Address) + ",allowAdmin=true",
                    ["Smtp:Host"] = "",
                    ["Smtp:PickupDirectory"] = pickup.FullName,
                    ["Logging:LogLevel:Default"] = "Error",
                }).Build();
            await host.StartAsync(cancellationToken);
            var redis = host.Services.GetRequiredService<IConnectionMultiplexer>();
            if (await BenchRedisMemory.ConnectedServerAsync(redis, cancellationToken) is not { } server)
            {
                await Console.Error.WriteLineAsync($"bench flood: could not connect to Redis at {redisConfiguration ?? local!.Address} within 10 s.");
                return 1;
            }

            var pipeline = host.Services.GetRequiredService<LoginPipeline>();
            var progress = CommandProgress.For("bench flood", output);
            var before = await BenchRedisMemory.UsedMemoryAsync(server);
            var memory = new BenchRedisMemory.Growth(server, before);
            var (seconds, decided, retried) = await progress.StageAsync(FormattableString.Invariant($"decide {failures:N0} failed sign-ins"), failures,
                done => FloodAsync(pipeline, failures, addresses, done, memory, cancellationToken));
            var after = await BenchRedisMemory.UsedMemoryAsync(server);
            await memory.SampleAsync(failures);
            await host.StopAsync(cancellationToken);
            if (retried > 0)
            {
                output.WriteLine(FormattableString.Invariant($"{retried:N0} batches timed out against Redis and were decided again, as the worker's lanes retry them."));
            }

            var version = (await server.InfoAsync("server")).SelectMany(g => g).First(p => p.Key == "redis_version").Value;
            output.WriteLine(FormattableString.Invariant(
                $"Decided {decided:N0} of {failures:N0} failed sign-ins of random unknown users from {addresses:N0} addresses in {seconds:F0} s ({failures / seconds:N0}/s), Redis {version} at {server.EndPoint}."));
            output.WriteLine(FormattableString.Invariant(
                $"used_memory grew {before:N0} → {after:N0} bytes: {after - before:N0} bytes, {(after - before) / (double)failures:N1} per failure."));
            foreach (var line in await progress.StageAsync("count the keys left", null, _ => DescribeKeysAsync(redis, server)))
            {
                output.WriteLine(line);
            }

            BenchPlots.Memory(memory.Samples, FormattableString.Invariant($"Redis memory during a flood of {failures:N0} failed sign-ins from {addresses:N0} addresses"), "failed sign-ins decided", plot);
            progress.Finish($"measured (figure: {plot})");
            return 0;
        }
        finally
        {
            pickup.Delete(recursive: true);
        }
    }

    private static async Task<(double Seconds, long Decided, long Retried)> FloodAsync(
        LoginPipeline pipeline, int failures, int addresses, IProgress<long> failuresDone, BenchRedisMemory.Growth memory, CancellationToken cancellationToken)
    {
        // The flood's hour ends now, so every key's TTL (wall clock) and every window (event time) see it as live.
        var start = DateTimeOffset.UtcNow - TimeSpan.FromHours(1);
        var step = TimeSpan.FromHours(1) / failures;
        var batches = (failures + BatchSize - 1) / BatchSize;
        long decided = 0, done = 0, retried = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, batches), new ParallelOptions { MaxDegreeOfParallelism = Lanes, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            var first = batch * BatchSize;
            var random = new Random(batch);
            var messages = Enumerable.Range(first, Math.Min(BatchSize, failures - first))
                .Select(i => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(Failure(i, start + (step * i), random.NextInt64(), i % addresses)))
                .ToList();
            var outcomes = await DecideAsync(pipeline, messages, () => Interlocked.Increment(ref retried), ct);
            Interlocked.Add(ref decided, outcomes.Count(o => o is Decided));
            var batchesDone = Interlocked.Increment(ref done);
            failuresDone.Report(Math.Min(failures, batchesDone * BatchSize));
            if (batchesDone % Math.Max(1, batches / Samples) == 0)
            {
                await memory.SampleAsync(Math.Min(failures, batchesDone * BatchSize));
            }
        });

        return (clock.Elapsed.TotalSeconds, decided, retried);
    }

    /// <summary>The pipeline is idempotent by eventId, so a batch that timed out is decided again, as a lane would.</summary>
    private static async Task<IReadOnlyList<PipelineOutcome>> DecideAsync(LoginPipeline pipeline, List<ReadOnlyMemory<byte>> messages, Action retried, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await pipeline.ProcessAsync(messages, cancellationToken);
            }
            catch (Exception e) when (e is RedisTimeoutException or RedisConnectionException && attempt < 10)
            {
                retried();
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    /// <summary>Each address in a /24 of its own, so the flood also spreads over as many networks as the geo data allows.</summary>
    private static string Failure(int index, DateTimeOffset at, long user, int address) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"eventId":"flood-{{index:x8}}","type":"login.failed","occurredAt":"{{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}}","userId":"{{user:x16}}@stuffing.example","ip":"45.{{address >> 8}}.{{address & 255}}.7","userAgent":"{{UserAgent}}","failureReason":"unknown_user"}""");

    /// <summary>What the flood left, by kind of key, and the largest failure set: the numbers the bound is made of.</summary>
    private static async Task<string[]> DescribeKeysAsync(IConnectionMultiplexer redis, IServer server)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long largest = 0, members = 0, setBytes = 0;
        var database = redis.GetDatabase();
        await foreach (var key in server.KeysAsync(pattern: "*", pageSize: 1000))
        {
            var name = key.ToString();
            var open = name.IndexOf('{', StringComparison.Ordinal);
            var tag = open < 0 ? "untagged" : name[(open + 1)..name.IndexOfAny([':', '}'], open + 1)];
            counts[tag] = counts.GetValueOrDefault(tag) + 1;
            if (tag is "ip" or "net")
            {
                var size = await database.SortedSetLengthAsync(key);
                members += size;
                largest = Math.Max(largest, size);
                setBytes += await BenchRedisMemory.MemoryUsageAsync(database, key);
            }
        }

        return
        [
            "Keys by hash tag: " + string.Join(", ", counts.Select(c => FormattableString.Invariant($"{{{c.Key}:…}} {c.Value:N0}"))),
            FormattableString.Invariant(
                $"Address and network failure sets: {members:N0} members, largest {largest:N0}; MEMORY USAGE {setBytes:N0} bytes ({setBytes / (double)Math.Max(1, members):N1} per member)."),
        ];
    }
}
