namespace LoginGuard.Feedback;

/// <summary>Wakes this worker's <see cref="CompromiseReportRelay"/> when it took a report, so it is sent at once rather than at the next poll.</summary>
internal sealed class ReportSignal
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
            // Nothing was taken here meanwhile: time to look for what other workers left.
        }

        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref woken, New(), current);
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
