namespace LoginGuard;

/// <summary>
/// Wakes a background worker that polls when this process has just given it work, so the work starts at once rather
/// than at the next poll; the poll still finds what other workers left.
/// </summary>
internal class WakeSignal
{
    private TaskCompletionSource woken = New();

    public void Wake() => Volatile.Read(ref woken).TrySetResult();

    /// <summary>Returns when woken (since the last return) or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref woken);
        try
        {
            await current.Task.WaitAsync(timeout, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Nothing was given here meanwhile: time to look for what other workers left.
        }

        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref woken, New(), current);
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
