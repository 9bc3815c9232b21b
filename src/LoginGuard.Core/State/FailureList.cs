using System.Collections;

namespace LoginGuard.State;

/// <summary>
/// Failures newest first (<see cref="Failures.Add"/>'s order) as a window on a buffer kept oldest first. In a spray
/// nearly every failure is newer than the rest: it goes at the buffer's end, and the oldest ones leave by the window's
/// start moving, so adding one does not copy the few hundred before it. Earlier lists stay as they were: they only
/// ever read their own window, and a list appends in place only when nothing was appended after its window yet,
/// which a compare-and-swap on the buffer's length decides, so two lists grown from the same one do not both write there.
/// </summary>
internal sealed class FailureList : IReadOnlyList<FailedAttempt>
{
    private readonly Buffer buffer;
    private readonly int start;
    private readonly int end;

    private FailureList(Buffer buffer, int start, int end)
    {
        this.buffer = buffer;
        this.start = start;
        this.end = end;
    }

    public int Count => end - start;

    public FailedAttempt this[int index] => (uint)index < (uint)Count ? buffer.Items[end - 1 - index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>
    /// The learners of the buffer's failures, shared by every list on it, and where this list's newest failure sits:
    /// its failure at index i is at position <c>End - 1 - i</c>.
    /// </summary>
    public (LearnerIndex Learners, int End) Positions => (buffer.Learners, end);

    /// <summary>
    /// <paramref name="newer"/>'s newest <paramref name="keep"/> failures with <paramref name="newest"/> before them all.
    /// </summary>
    public static FailureList WithNewest(IReadOnlyList<FailedAttempt> newer, int keep, FailedAttempt newest)
    {
        if (newer is FailureList list && list.TryAppend(newest))
        {
            return new FailureList(list.buffer, list.end - keep, list.end + 1);
        }

        var items = new FailedAttempt[WithRoom(keep + 1)];
        for (var i = 0; i < keep; i++)
        {
            items[i] = newer[keep - 1 - i];
        }

        items[keep] = newest;
        return new FailureList(new Buffer(items, keep + 1), 0, keep + 1);
    }

    /// <summary>
    /// A list of <paramref name="count"/> failures given oldest first, in the reverse of <see cref="Failures.Add"/>'s
    /// order, as a store reads them: the buffer is filled in place and has room, so the next failure added is appended
    /// instead of copying the set that was just read.
    /// </summary>
    public static FailureList OldestFirst(int count, Func<int, FailedAttempt> oldest)
    {
        var items = new FailedAttempt[WithRoom(count)];
        for (var i = 0; i < count; i++)
        {
            items[i] = oldest(i);
        }

        return new FailureList(new Buffer(items, count), 0, count);
    }

    // Room for a quarter more: a list compacted here is copied again only after that many appends, four references copied
    // per failure added at the cap, where the first copy of a list read from Redis stays near its size.
    private static int WithRoom(int count) => count + Math.Max(16, count / 4);

    public IEnumerator<FailedAttempt> GetEnumerator()
    {
        for (var i = end - 1; i >= start; i--)
        {
            yield return buffer.Items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool TryAppend(FailedAttempt newest)
    {
        if (end >= buffer.Items.Length || Interlocked.CompareExchange(ref buffer.Used, end + 1, end) != end)
        {
            return false;
        }

        buffer.Items[end] = newest;
        return true;
    }

    private sealed class Buffer(FailedAttempt[] items, int used)
    {
        public readonly FailedAttempt[] Items = items;
        public int Used = used;
        private LearnerIndex? learners;

        public LearnerIndex Learners => LazyInitializer.EnsureInitialized(ref learners, () => new LearnerIndex(position => Items[position]));
    }
}
