using System.Diagnostics.CodeAnalysis;
using Confluent.Kafka;

namespace LoginGuard.Ingestion.Kafka;

/// <summary>
/// One partition for as long as this member owns it. Revoking it (or abandoning all work) cancels
/// <see cref="Revoked"/>: lanes drop its queued events and stop retrying, and whoever owns the partition
/// next starts from the last committed offset.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Lanes may still read the token after the partition is gone; a source without timers or wait handles holds nothing to release.")]
internal sealed class PartitionLease
{
    private readonly CancellationTokenSource revoked = new();
    private int stuck;

    public PartitionLease(TopicPartition partition)
    {
        Partition = partition;
        Revoked = revoked.Token;
    }

    public TopicPartition Partition { get; }

    public PartitionProgress Progress { get; } = new();

    public CancellationToken Revoked { get; }

    /// <summary>True while some event of this partition keeps failing (Redis or the outbox is down).</summary>
    public bool IsStuck => Volatile.Read(ref stuck) > 0;

    // Owned by the poll loop alone.
    public bool Paused { get; set; }

    /// <summary>Whether the pause was for failing events (worth a log line on resume) rather than a full lane.</summary>
    public bool PausedForOutage { get; set; }

    /// <summary>A message consumed while its lane was full; dispatched first once the lane has room.</summary>
    public ConsumeResult<byte[]?, byte[]?>? Parked { get; set; }

    /// <summary>The offset after the last event consumed from this partition, where a seek back goes.</summary>
    public long? NextOffset { get; set; }

    public void MarkStuck() => Interlocked.Increment(ref stuck);

    public void MarkRecovered() => Interlocked.Decrement(ref stuck);

    public void Abandon() => revoked.Cancel();
}
