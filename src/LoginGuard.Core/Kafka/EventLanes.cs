using System.Threading.Channels;

namespace LoginGuard.Kafka;

/// <summary>
/// N lanes, each a bounded queue worked by one task in order. A key always maps to the same lane, so a
/// learner's events are processed one after another while different learners' run side by side. A lane
/// takes whatever waits in it, up to a batch, once the batch is full or its oldest event has waited the batch
/// delay: with no delay, one event when traffic is light, so it is decided at once, and large batches in a burst,
/// so the store's round trips are shared by many events. A lane whose work throws (which the processor never lets
/// an event do) is reported to <c>failed</c> rather than left to end unobserved with its events held forever.
/// </summary>
internal sealed class EventLanes
{
    private readonly Channel<Waiting>[] channels;
    private readonly WakeSignal[] filled;
    private readonly Task[] workers;
    private readonly int capacity;
    private readonly int maxBatch;
    private readonly TimeSpan maxBatchDelay;
    private readonly TimeProvider clock;
    private volatile bool completing;

    public EventLanes(
        int count,
        int capacity,
        int maxBatch,
        TimeSpan maxBatchDelay,
        TimeProvider clock,
        Func<IReadOnlyList<ConsumedEvent>, CancellationToken, Task> process,
        Action<int, Exception> failed,
        CancellationToken abort)
    {
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.maxBatchDelay = maxBatchDelay;
        this.clock = clock;
        channels = new Channel<Waiting>[count];
        filled = new WakeSignal[count];
        workers = new Task[count];
        for (var i = 0; i < count; i++)
        {
            var channel = Channel.CreateBounded<Waiting>(new BoundedChannelOptions(capacity)
            {
                SingleReader = true,
                SingleWriter = true,
            });
            channels[i] = channel;
            filled[i] = new WakeSignal();
            var lane = i;
            workers[i] = Task.Run(() => WorkAsync(lane, process, e => failed(lane, e), abort), CancellationToken.None);
        }
    }

    public int LaneFor(byte[]? key, int partition)
    {
        // Keyless events follow their partition, which keeps their order too.
        var hash = new HashCode();
        if (key is null)
        {
            hash.Add(partition);
        }
        else
        {
            hash.AddBytes(key);
        }

        return (int)((uint)hash.ToHashCode() % (uint)channels.Length);
    }

    /// <summary>Only the poll loop writes, so a lane that is not full now still has room when it writes.</summary>
    public bool IsFull(int lane) => channels[lane].Reader.Count >= capacity;

    public void Dispatch(int lane, ConsumedEvent consumed)
    {
        var channel = channels[lane];
        if (!channel.Writer.TryWrite(new Waiting(consumed, clock.GetTimestamp())))
        {
            throw new InvalidOperationException($"Lane {lane} refused an event although it had room.");
        }

        if (channel.Reader.Count >= maxBatch)
        {
            filled[lane].Wake();
        }
    }

    /// <summary>Lets every lane finish what it holds; the returned task ends when all have.</summary>
    public Task CompleteAsync()
    {
        completing = true;
        for (var lane = 0; lane < channels.Length; lane++)
        {
            channels[lane].Writer.TryComplete();
            filled[lane].Wake();
        }

        return Task.WhenAll(workers);
    }

    private async Task WorkAsync(int lane, Func<IReadOnlyList<ConsumedEvent>, CancellationToken, Task> process, Action<Exception> failed, CancellationToken abort)
    {
        var reader = channels[lane].Reader;
        try
        {
            while (await reader.WaitToReadAsync(abort))
            {
                await UntilBatchIsDueAsync(lane, abort);
                var batch = new List<ConsumedEvent>(Math.Min(maxBatch, reader.Count));
                while (batch.Count < maxBatch && reader.TryRead(out var waiting))
                {
                    if (!waiting.Event.Lease.Revoked.IsCancellationRequested)
                    {
                        batch.Add(waiting.Event);
                    }
                }

                if (batch.Count > 0)
                {
                    await process(batch, abort);
                }
            }
        }
        catch (Exception) when (abort.IsCancellationRequested)
        {
            // Abandoned (a fatal error, or a shutdown past its deadline that may already be disposing what the
            // pipeline uses): whatever was not done is redelivered from the committed offset.
        }
        catch (Exception e)
        {
            failed(e);
        }
    }

    /// <summary>Returns once the lane holds a full batch, its oldest event has waited the delay, or no more events will come.</summary>
    private async Task UntilBatchIsDueAsync(int lane, CancellationToken abort)
    {
        var reader = channels[lane].Reader;
        while (maxBatchDelay > TimeSpan.Zero && reader.Count < maxBatch && !completing && reader.TryPeek(out var oldest))
        {
            var left = maxBatchDelay - clock.GetElapsedTime(oldest.Since);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            // A wake left from a batch that filled while the lane was busy only costs one more look.
            await filled[lane].WaitAsync(left, clock, abort);
        }
    }

    /// <summary>An event in a lane's queue and when it was put there.</summary>
    private readonly record struct Waiting(ConsumedEvent Event, long Since);
}
