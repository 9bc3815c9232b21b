namespace LoginGuard.Kafka;

/// <summary>
/// How many events the pipeline has taken, across every lane: the evidence that tells an event that cannot be
/// done from an outage. An event that keeps failing while this count moves fails on its own account; one that
/// fails while it stands still may be waiting on Redis like everyone else.
/// </summary>
internal sealed class EventsGoingThrough
{
    private long count;

    public long Mark() => Interlocked.Read(ref count);

    public void Passed(int events) => Interlocked.Add(ref count, events);

    public bool Since(long mark) => Interlocked.Read(ref count) > mark;
}
