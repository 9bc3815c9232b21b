using LoginGuard.State;
using StackExchange.Redis;

namespace LoginGuard.Tools.Bench;

/// <summary>The workers' mail outbox as the bench sees it, under the worker's default key prefix.</summary>
internal static class BenchOutbox
{
    /// <summary>
    /// Waits until no queued alert is due (held new-device summaries are not), so that a phase measured next is not
    /// also the sending of an earlier burst's mail; the time it took, or null when it took longer than <paramref name="patience"/>.
    /// </summary>
    public static Task<TimeSpan?> UntilNothingIsDueAsync(IConnectionMultiplexer redis, TimeSpan patience, CancellationToken cancellationToken)
    {
        var due = new RedisKeys(new RedisOptions().KeyPrefix).OutboxDue;
        return BenchWait.UntilAsync(
            async () => await redis.GetDatabase().SortedSetLengthAsync(due, double.NegativeInfinity, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) == 0,
            TimeSpan.FromMilliseconds(200),
            patience,
            cancellationToken);
    }
}
