using Confluent.Kafka;

namespace LoginGuard.Kafka;

/// <summary>Partition ownership: rebalance callbacks, pausing and resuming, storing and committing offsets.</summary>
internal sealed partial class EventConsumerLoop
{
    private void OnAssigned(List<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            leases[partition] = new PartitionLease(partition);
            resets.Forget(partition);
        }

        KafkaLog.Assigned(logger, KafkaLog.Describe(partitions));
    }

    /// <summary>
    /// Runs inside <c>Consume</c> while the partitions are still ours: waits (up to the drain timeout) for
    /// their events in flight, stores and commits what finished, then abandons the rest. Nothing past
    /// unfinished work is committed, so the next owner redoes exactly what was not done.
    /// </summary>
    private void OnRevoked(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartitionOffset> partitions)
    {
        var revoked = Release(consumer, partitions.Select(p => p.TopicPartition));
        KafkaLog.Revoked(logger, KafkaLog.Describe(revoked.Select(lease => lease.Partition)));
        Drain(revoked, CancellationToken.None);
        foreach (var lease in revoked)
        {
            StoreFinished(consumer, lease);
        }

        Commit(consumer);
        foreach (var lease in revoked)
        {
            lease.Abandon();
        }
    }

    /// <summary>Lost partitions may already be someone else's: commit nothing for them, just stop working on them.</summary>
    private void OnLost(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartitionOffset> partitions)
    {
        foreach (var lease in Release(consumer, partitions.Select(p => p.TopicPartition)))
        {
            lease.Abandon();
        }

        KafkaLog.Lost(logger, KafkaLog.Describe(partitions.Select(p => p.TopicPartition)));
    }

    private List<PartitionLease> Release(IConsumer<byte[]?, byte[]?> consumer, IEnumerable<TopicPartition> partitions)
    {
        var released = new List<PartitionLease>();
        foreach (var partition in partitions)
        {
            if (leases.Remove(partition, out var lease))
            {
                // A partition given back to this member later must not start out paused.
                if (lease.Paused)
                {
                    consumer.Resume([partition]);
                }

                lease.Backlog.Clear();
                released.Add(lease);
            }
        }

        return released;
    }

    private void StoreFinished(IConsumer<byte[]?, byte[]?> consumer, PartitionLease lease)
    {
        if (!lease.Progress.TryTakeCommittable(out var offset))
        {
            return;
        }

        try
        {
            consumer.StoreOffset(new TopicPartitionOffset(lease.Partition, offset));
        }
        catch (KafkaException e)
        {
            fault.Observe(e.Error);
        }
    }

    /// <summary>
    /// The outcome of every commit, the periodic ones librdkafka makes of the stored offsets included: those fail
    /// silently otherwise, and an operator should hear that finished events will be redelivered.
    /// </summary>
    private void OnCommitted(CommittedOffsets committed)
    {
        var error = committed.Error.IsError ? committed.Error : committed.Offsets.Select(o => o.Error).FirstOrDefault(e => e.IsError);
        if (error is { IsError: true, Code: not ErrorCode.Local_NoOffset })
        {
            KafkaLog.CommitFailed(logger, error.Code, error.Reason);
        }
    }

    private bool Commit(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            consumer.Commit();
            return true;
        }
        catch (KafkaException e) when (e.Error.Code == ErrorCode.Local_NoOffset)
        {
            return true;
        }
        catch (KafkaException e)
        {
            KafkaLog.CommitFailed(logger, e.Error.Code, e.Error.Reason);
            return false;
        }
    }

    /// <summary>
    /// Pausing stops fetching; librdkafka resumes from the offset after the last message it handed over, and
    /// every message handed over is kept (dispatched or in the backlog), so no seek is needed and what was
    /// already fetched is not fetched again.
    /// </summary>
    private void Pause(IConsumer<byte[]?, byte[]?> consumer, PartitionLease lease)
    {
        consumer.Pause([lease.Partition]);
        lease.Paused = true;
        lease.PausedForOutage = lease.IsStuck;
        if (lease.PausedForOutage)
        {
            KafkaLog.PausedForOutage(logger, lease.Partition.Topic, lease.Partition.Partition.Value, lease.NextOffset);
        }
        else
        {
            KafkaLog.PausedForBackpressure(logger, lease.Partition.Topic, lease.Partition.Partition.Value, lease.NextOffset);
        }
    }

    private void Resume(IConsumer<byte[]?, byte[]?> consumer, PartitionLease lease)
    {
        consumer.Resume([lease.Partition]);
        lease.Paused = false;
        if (lease.PausedForOutage)
        {
            KafkaLog.Resumed(logger, lease.Partition.Topic, lease.Partition.Partition.Value, lease.NextOffset);
        }
    }
}
