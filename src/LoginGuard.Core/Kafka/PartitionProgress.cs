namespace LoginGuard.Kafka;

/// <summary>
/// Which of a partition's dispatched offsets are done, finished in any order by the lanes. The offset to
/// commit only moves past an event when every event before it in the partition is done too, so a commit
/// never covers unfinished work. Thread-safe: lanes and delivery handlers complete, the poll loop reads.
/// </summary>
internal sealed class PartitionProgress
{
    private readonly Lock gate = new();
    private long[] offsets = new long[256];
    private bool[] done = new bool[256];
    private long head;
    private long tail;
    private long committable = -1;
    private long taken = -1;

    /// <summary>Events dispatched and not yet done.</summary>
    public int InFlight
    {
        get
        {
            lock (gate)
            {
                return (int)(tail - head);
            }
        }
    }

    /// <summary>Registers the next offset in dispatch (partition) order and returns its sequence number.</summary>
    public long Track(long offset)
    {
        lock (gate)
        {
            if (tail - head == offsets.Length)
            {
                Grow();
            }

            var slot = (int)(tail % offsets.Length);
            offsets[slot] = offset;
            done[slot] = false;
            return tail++;
        }
    }

    public void Complete(long sequence)
    {
        lock (gate)
        {
            done[(int)(sequence % offsets.Length)] = true;
            while (head < tail && done[(int)(head % offsets.Length)])
            {
                committable = offsets[(int)(head % offsets.Length)] + 1;
                head++;
            }
        }
    }

    /// <summary>The next offset to consume, when it moved since the last call: the value to store for commit.</summary>
    public bool TryTakeCommittable(out long offset)
    {
        lock (gate)
        {
            offset = committable;
            if (committable <= taken)
            {
                return false;
            }

            taken = committable;
            return true;
        }
    }

    private void Grow()
    {
        var count = (int)(tail - head);
        var newOffsets = new long[offsets.Length * 2];
        var newDone = new bool[offsets.Length * 2];
        for (var i = 0; i < count; i++)
        {
            var from = (int)((head + i) % offsets.Length);
            var to = (int)((head + i) % newOffsets.Length);
            newOffsets[to] = offsets[from];
            newDone[to] = done[from];
        }

        offsets = newOffsets;
        done = newDone;
    }
}
