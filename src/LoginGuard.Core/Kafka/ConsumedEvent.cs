using System.Diagnostics;

namespace LoginGuard.Kafka;

/// <summary>One message on its way through a lane; <see cref="Sequence"/> is its place in the partition's progress.</summary>
/// <param name="Parent">The trace context its producer sent in the message's headers; default when it sent none.</param>
internal sealed record ConsumedEvent(PartitionLease Lease, long Sequence, long Offset, byte[]? Key, byte[]? Value, ActivityContext Parent = default)
{
    public string Topic => Lease.Partition.Topic;

    public int Partition => Lease.Partition.Partition.Value;

    public void Complete() => Lease.Progress.Complete(Sequence);
}
