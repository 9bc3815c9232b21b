using System.Collections.Concurrent;
using System.Globalization;
using Confluent.Kafka;

namespace LoginGuard.Tools.Bench;

/// <summary>
/// Reads the decisions topic for the whole run on a thread of its own, as a downstream service would, so that every
/// decision is read before the mock cluster drops it: how many distinct events are decided, of each partition of the
/// events topic too (a decision is keyed by its learner, as the event was), when the latest was, and when each event
/// being timed was. It keeps 16 bytes per decided event id, so a run of millions fits.
/// </summary>
internal sealed class BenchDecisions : IDisposable
{
    private readonly IConsumer<byte[]?, byte[]?> consumer;
    private readonly CancellationTokenSource stop = new();
    private readonly Thread reader;
    private readonly HashSet<UInt128> decided;
    private readonly long[] decidedOf;
    private readonly long[] readUpTo;
    private readonly ConcurrentDictionary<string, DateTime> timedAt = new(StringComparer.Ordinal);
    private volatile IReadOnlySet<string> timed = new HashSet<string>();
    private int count;
    private long latestTicks;
    private long latestReadTicks = DateTime.UtcNow.Ticks;

    public BenchDecisions(string bootstrapServers, string topic, int partitions, int eventPartitions, int expected)
    {
        decided = new HashSet<UInt128>(expected);
        decidedOf = new long[eventPartitions];
        readUpTo = new long[partitions];
        consumer = BenchReader.Assigned(bootstrapServers, topic, partitions);
        reader = new Thread(Read) { IsBackground = true, Name = "bench decisions" };
        reader.Start();
    }

    /// <summary>Distinct events decided so far.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>Distinct events decided so far of this partition of the events topic.</summary>
    public long CountOf(int eventPartition) => Interlocked.Read(ref decidedOf[eventPartition]);

    /// <summary>The offset of this partition of the decisions topic that the reader reads next.</summary>
    public long ReadUpTo(int partition) => Interlocked.Read(ref readUpTo[partition]);

    /// <summary>When the worker published the latest decision of an event not decided before.</summary>
    public DateTime LatestAt => new(Interlocked.Read(ref latestTicks), DateTimeKind.Utc);

    /// <summary>When this reader last read the decision of an event not decided before, by the bench's clock.</summary>
    public DateTime LatestReadAt => new(Interlocked.Read(ref latestReadTicks), DateTimeKind.Utc);

    /// <summary>When each of <see cref="Time"/>'s events was decided, for those decided so far.</summary>
    public IReadOnlyDictionary<string, DateTime> TimedAt => timedAt;

    /// <summary>From now on notes when each of these events is decided; given before they are produced.</summary>
    public void Time(IReadOnlySet<string> eventIds) => timed = eventIds;

    /// <summary>Waits until <paramref name="target"/> distinct events are decided: whether they were within <paramref name="patience"/>.</summary>
    public async Task<bool> UntilAsync(int target, TimeSpan patience, CancellationToken cancellationToken) =>
        await BenchWait.UntilAsync(() => Task.FromResult(Count >= target), TimeSpan.FromMilliseconds(20), patience, cancellationToken) is not null;

    public void Dispose()
    {
        stop.Cancel();
        reader.Join();
        consumer.Close();
        consumer.Dispose();
        stop.Dispose();
    }

    private void Read()
    {
        while (!stop.IsCancellationRequested)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not { } result)
            {
                continue;
            }

            Interlocked.Exchange(ref readUpTo[result.Partition.Value], result.Offset.Value + 1);
            var eventId = BenchEvents.EventId(result.Message.Value!);
            if (!decided.Add(UInt128.Parse(eventId.AsSpan("evt_".Length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)))
            {
                continue;
            }

            var at = result.Message.Timestamp.UtcDateTime;
            if (timed.Contains(eventId))
            {
                timedAt[eventId] = at;
            }

            if (at.Ticks > latestTicks)
            {
                Interlocked.Exchange(ref latestTicks, at.Ticks);
            }

            Interlocked.Exchange(ref latestReadTicks, DateTime.UtcNow.Ticks);
            Interlocked.Increment(ref decidedOf[BenchEvents.PartitionOf(result.Message.Key!, decidedOf.Length)]);
            Interlocked.Increment(ref count);
        }
    }
}
