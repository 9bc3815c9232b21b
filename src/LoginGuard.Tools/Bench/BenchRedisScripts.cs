using System.Diagnostics;
using LoginGuard.Pipeline;
using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.Tools.Bench;

/// <summary>
/// The ceiling for state: the behavior store's load script called concurrently (as the lanes call it) with
/// nothing else around it, in calls per second.
/// </summary>
internal static class BenchRedisScripts
{
    public static async Task<double> RateAsync(string redisConfiguration, int calls, int concurrency, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{RedisOptions.Section}:Configuration"] = redisConfiguration,
            [$"{RedisOptions.Section}:KeyPrefix"] = "bench-ceiling:",
        }).Build();
        await using var provider = new ServiceCollection().AddState(configuration).AddRedisBackend(RedisConnection.ReadOptions(configuration)).BuildServiceProvider();
        var store = provider.GetRequiredService<IBehaviorStore>();
        var events = Enumerable.Range(0, 1000).Select(learner => BenchLearners.For(learner).Last().Event).ToList();
        await store.LoadAsync(events[0], cancellationToken);

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, calls), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (call, ct) =>
            await store.LoadAsync(events[call % events.Count], ct));
        return calls / clock.Elapsed.TotalSeconds;
    }
}
