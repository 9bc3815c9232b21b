using System.Diagnostics;

namespace LoginGuard.Tools.Bench;

/// <summary>How the bench waits for a condition before it measures: polled, bounded, and timed so the wait can be reported.</summary>
internal static class BenchWait
{
    /// <summary>The time it took until <paramref name="done"/> held, or null when it took longer than <paramref name="patience"/>.</summary>
    public static async Task<TimeSpan?> UntilAsync(Func<Task<bool>> done, TimeSpan every, TimeSpan patience, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > patience)
            {
                return null;
            }

            await Task.Delay(every, cancellationToken);
        }

        return clock.Elapsed;
    }
}
