namespace LoginGuard.State;

/// <summary>
/// For failures at fixed positions, oldest first, that are only ever appended to (<see cref="FailureList"/>'s buffer):
/// where each one's learner failed before it. The distinct learners among the failures at [from, end) are then the
/// failures there whose learner's previous failure lies before <c>from</c>, counted over integers, for any window and
/// any list sharing the positions. It replaces counts that each new failure copied whole (a dictionary of the source's
/// learners and an array of running counts): in a spray that copy was a quarter of what the worker allocated at
/// 2,000 events/s. Each position is indexed once, when a list first asks about it, under a lock, since lists grown from
/// one another share it across lanes.
/// </summary>
internal sealed class LearnerIndex(Func<int, FailedAttempt> failureAt)
{
    private readonly Lock gate = new();
    private Dictionary<HashedKey, int> latest = [];
    private int[] previous = [];
    private int lowest;
    private int indexed;

    /// <summary>Distinct learners among the failures at [<paramref name="from"/>, <paramref name="end"/>), every one of them written.</summary>
    public int Distinct(int from, int end)
    {
        var before = Cover(from, end);
        var distinct = 0;
        for (var position = from; position < end; position++)
        {
            if (before[position] < from)
            {
                distinct++;
            }
        }

        return distinct;
    }

    /// <summary>Whether <paramref name="learner"/> failed at [<paramref name="from"/>, <paramref name="end"/>).</summary>
    public bool Failed(HashedKey learner, int from, int end)
    {
        Cover(from, end);
        int position;
        int[] before;
        lock (gate)
        {
            // Later positions may be indexed already, by a list grown past this one: walk back to this one's end. A
            // lower start indexed since only adds to what is known.
            position = latest.TryGetValue(learner, out var last) ? last : -1;
            before = previous;
        }

        while (position >= end)
        {
            position = before[position];
        }

        return position >= from;
    }

    /// <summary>
    /// Where each failure's learner failed before, for the positions [<paramref name="from"/>, <paramref name="end"/>) at
    /// least. Only positions from the lowest one asked about are indexed (most questions are of the last minutes, a few
    /// of the whole list): an earlier failure of the same learner is then unknown, which no window starting there can tell
    /// from none. Asked further back, the index starts again at least twice as far back.
    /// </summary>
    private int[] Cover(int from, int end)
    {
        if (Volatile.Read(ref lowest) <= from && Volatile.Read(ref indexed) >= end)
        {
            return Volatile.Read(ref previous);
        }

        lock (gate)
        {
            var (before, first, start) = (previous, lowest, indexed);
            var stop = Math.Max(end, indexed);
            if (from < lowest || indexed == 0)
            {
                // Readers may hold the old array: a new one, never the old one rewritten.
                var reach = indexed == 0 ? stop - from : 2 * (indexed - lowest);
                first = Math.Max(0, Math.Min(from, stop - reach));
                before = new int[Math.Max(stop, before.Length)];
                latest = new Dictionary<HashedKey, int>(stop - first);
                start = first;
            }
            else if (before.Length < stop)
            {
                Array.Resize(ref before, Math.Max(stop, 2 * before.Length));
            }

            for (var position = start; position < stop; position++)
            {
                var learner = failureAt(position).Hashed;
                before[position] = latest.TryGetValue(learner, out var last) ? last : -1;
                latest[learner] = position;
            }

            // In the order readers check them the other way round: whoever sees the new start sees the array it holds for.
            Volatile.Write(ref previous, before);
            Volatile.Write(ref indexed, stop);
            Volatile.Write(ref lowest, first);
            return before;
        }
    }
}
