using System.Diagnostics;

namespace LoginGuard.Worker.Bench;

/// <summary>The process's resident set every 50 ms, so the bench reports what the worker added, not what generating took.</summary>
internal sealed class RssSampler : IDisposable
{
    private readonly Timer timer;
    private long max;

    public RssSampler()
    {
        AtStart = Current();
        max = AtStart;
        timer = new Timer(_ => InterlockedMax(Current()), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public long AtStart { get; }

    public long Max => Interlocked.Read(ref max);

    public void Dispose() => timer.Dispose();

    private static long Current()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private void InterlockedMax(long value)
    {
        var seen = Interlocked.Read(ref max);
        while (value > seen && Interlocked.CompareExchange(ref max, value, seen) != seen)
        {
            seen = Interlocked.Read(ref max);
        }
    }
}
