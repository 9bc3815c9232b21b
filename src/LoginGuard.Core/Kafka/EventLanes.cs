using System.Threading.Channels;

namespace LoginGuard.Kafka;

/// <summary>
/// N lanes, each a bounded queue worked by one task in order. A key always maps to the same lane, so a
/// learner's events are processed one after another while different learners' run side by side. A lane
/// takes whatever waits in it, up to a batch: one event when traffic is light, so it is decided at once,
/// and large batches in a burst, so the store's round trips are shared by many events. A lane whose work throws
/// (which the processor never lets an event do) is reported to <c>failed</c> rather than left to end unobserved
/// with its events held forever.
/// </summary>
internal sealed class EventLanes
{
    private readonly Channel<ConsumedEvent>[] channels;
    private readonly Task[] workers;
    private readonly int capacity;

    public EventLanes(
        int count,
        int capacity,
        int maxBatch,
        Func<IReadOnlyList<ConsumedEvent>, CancellationToken, Task> process,
        Action<int, Exception> failed,
        CancellationToken abort)
    {
        this.capacity = capacity;
        channels = new Channel<ConsumedEvent>[count];
        workers = new Task[count];
        for (var i = 0; i < count; i++)
        {
            var channel = Channel.CreateBounded<ConsumedEvent>(new BoundedChannelOptions(capacity)
            {
                SingleReader = true,
                SingleWriter = true,
            });
            channels[i] = channel;
            var lane = i;
            workers[i] = Task.Run(() => WorkAsync(channel.Reader, maxBatch, process, e => failed(lane, e), abort), CancellationToken.None);
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
        if (!channels[lane].Writer.TryWrite(consumed))
        {
            throw new InvalidOperationException($"Lane {lane} refused an event although it had room.");
        }
    }

    /// <summary>Lets every lane finish what it holds; the returned task ends when all have.</summary>
    public Task CompleteAsync()
    {
        foreach (var channel in channels)
        {
            channel.Writer.TryComplete();
        }

        return Task.WhenAll(workers);
    }

    private static async Task WorkAsync(
        ChannelReader<ConsumedEvent> reader,
        int maxBatch,
        Func<IReadOnlyList<ConsumedEvent>, CancellationToken, Task> process,
        Action<Exception> failed,
        CancellationToken abort)
    {
        try
        {
            while (await reader.WaitToReadAsync(abort))
            {
                var batch = new List<ConsumedEvent>(Math.Min(maxBatch, reader.Count));
                while (batch.Count < maxBatch && reader.TryRead(out var consumed))
                {
                    if (!consumed.Lease.Revoked.IsCancellationRequested)
                    {
                        batch.Add(consumed);
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
}
