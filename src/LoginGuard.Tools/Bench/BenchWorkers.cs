namespace LoginGuard.Tools.Bench;

/// <summary>
/// One or more <see cref="BenchWorker"/> processes in one consumer group over the same cluster and Redis: their CPU
/// time is summed, their resident sets are each their own.
/// </summary>
internal sealed class BenchWorkers : IDisposable
{
    private readonly List<BenchWorker> workers;

    private BenchWorkers(List<BenchWorker> workers) => this.workers = workers;

    public int Count => workers.Count;

    public TimeSpan CpuTime => workers.Aggregate(TimeSpan.Zero, (sum, worker) => sum + worker.CpuTime);

    /// <summary>Each worker's CPU time now, in start order: a worker that got no partitions shows by its share.</summary>
    public IReadOnlyList<TimeSpan> CpuTimes => [.. workers.Select(worker => worker.CpuTime)];

    /// <summary>The largest resident set among the workers now.</summary>
    public long Rss => workers.Max(worker => worker.Rss);

    /// <summary>The largest resident set any worker reached since <see cref="ResetPeak"/>.</summary>
    public long PeakRss => workers.Max(worker => worker.PeakRss);

    public static BenchWorkers Start(int count, string bootstrapServers, BenchTopics topics, string redisConfiguration, IReadOnlyDictionary<string, string> environment, string pickupDirectory, TextWriter log)
    {
        var started = new List<BenchWorker>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                started.Add(BenchWorker.Start(bootstrapServers, topics, redisConfiguration, environment, pickupDirectory, log));
            }

            return new BenchWorkers(started);
        }
        catch
        {
            started.ForEach(worker => worker.Dispose());
            throw;
        }
    }

    /// <summary>
    /// Waits until every worker has partitions, so that no measured phase includes the group forming; the time it
    /// took, or null when it took longer than <paramref name="patience"/>.
    /// </summary>
    public Task<TimeSpan?> UntilEachHasPartitionsAsync(TimeSpan patience, CancellationToken cancellationToken) =>
        BenchWait.UntilAsync(() => Task.FromResult(workers.TrueForAll(worker => worker.HasPartitions)), TimeSpan.FromMilliseconds(100), patience, cancellationToken);

    public void ResetPeak() => workers.ForEach(worker => worker.ResetPeak());

    public void Dispose() => workers.ForEach(worker => worker.Dispose());
}
