using System.Diagnostics.CodeAnalysis;
using Confluent.Kafka;

namespace LoginGuard.Kafka;

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

    /// <summary>
    /// Messages consumed but not yet dispatched, in partition order: the first waits for its lane to have
    /// room, the rest wait behind it so no learner's events overtake each other. Never dropped while the
    /// partition is ours, so librdkafka's position (after the last message it handed over) is always safe
    /// to resume from.
    /// </summary>
    public Queue<ConsumeResult<byte[]?, byte[]?>> Backlog { get; } = new();

    /// <summary>
    /// The offset after the last message consumed from this partition, for the logs and to notice a message that is
    /// not the next one (an offset reset may have skipped events).
    /// </summary>
    public long? NextOffset { get; set; }

    public void MarkStuck() => Interlocked.Increment(ref stuck);

    public void MarkRecovered() => Interlocked.Decrement(ref stuck);

    public void Abandon() => revoked.Cancel();
}
