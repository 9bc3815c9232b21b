using LoginGuard.State;

namespace LoginGuard.Pipeline;

/// <summary>
/// Records publications (or parkings) in groups: one store call in flight at a time, and every mark asked for while it
/// runs goes in the next. Each delivered decision used to cost a script call of its own, the most frequent Redis
/// command of a busy worker; grouped, a call carries whatever the cluster acknowledged meanwhile. A failed call fails
/// every mark in it, and each caller retries as it did alone.
/// </summary>
internal sealed class PublicationMarks(Func<IReadOnlyList<Publication>, CancellationToken, ValueTask> write, CancellationToken stopping)
{
    /// <summary>Marks in one call at most, so that a backlog after an outage does not become one script that blocks Redis.</summary>
    internal const int MaxGroup = 1_000;

    private readonly Lock gate = new();
    private List<(Publication Publication, TaskCompletionSource Written)> waiting = [];
    private bool writing;

    /// <summary>Completes when the mark is in the store; fails as the call that carried it failed.</summary>
    public Task WriteAsync(Publication publication)
    {
        var written = new TaskCompletionSource();
        lock (gate)
        {
            waiting.Add((publication, written));
            if (writing)
            {
                return written.Task;
            }

            writing = true;
        }

        _ = WriteGroupsAsync();
        return written.Task;
    }

    private async Task WriteGroupsAsync()
    {
        while (Next() is { } group)
        {
            try
            {
                await write([.. group.Select(mark => mark.Publication)], stopping);
                group.ForEach(mark => mark.Written.TrySetResult());
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                group.ForEach(mark => mark.Written.TrySetCanceled(stopping));
            }
            catch (Exception e)
            {
                group.ForEach(mark => mark.Written.TrySetException(e));
            }
        }
    }

    private List<(Publication Publication, TaskCompletionSource Written)>? Next()
    {
        lock (gate)
        {
            if (waiting.Count == 0)
            {
                writing = false;
                return null;
            }

            if (waiting.Count <= MaxGroup)
            {
                var all = waiting;
                waiting = [];
                return all;
            }

            var first = waiting.GetRange(0, MaxGroup);
            waiting.RemoveRange(0, MaxGroup);
            return first;
        }
    }
}
