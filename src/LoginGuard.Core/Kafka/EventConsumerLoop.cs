using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Kafka;

/// <summary>
/// The poll loop. One thread owns the consumer: it polls, hands each message to the lane of its key (or
/// keeps it in its partition's backlog while that lane is full), and every few milliseconds stores the
/// offsets the lanes have finished contiguously, pauses partitions whose backlog is long or whose events
/// keep failing, and resumes them. Effects happen in the lanes; the consumer
/// is only ever touched here, including in the rebalance callbacks that run inside <c>Consume</c>.
/// </summary>
internal sealed partial class EventConsumerLoop(
    IOptions<KafkaOptions> options,
    ConsumedEventProcessor processor,
    KafkaFault fault,
    KafkaLagMetrics lag,
    OffsetResets resets,
    TimeProvider clock,
    ILogger<EventConsumerLoop> logger)
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LaneStopWait = TimeSpan.FromSeconds(5);
    private readonly KafkaOptions settings = options.Value;
    private readonly Dictionary<TopicPartition, PartitionLease> leases = [];
    private EventLanes lanes = null!;

    /// <summary>
    /// Consumes until <paramref name="stopping"/> (then finishes the events in flight, commits and leaves the
    /// group), until <paramref name="abort"/> (then leaves at once, committing nothing more), or until a fatal
    /// Kafka error or a failed lane, which it throws after leaving the same way.
    /// </summary>
    public void Run(CancellationToken stopping, CancellationToken abort)
    {
        using var halt = CancellationTokenSource.CreateLinkedTokenSource(abort, fault.Faulted);
        lanes = new EventLanes(settings.Lanes, settings.LaneCapacity, settings.MaxBatch, settings.MaxBatchDelay, clock, processor.ProcessAsync, fault.ReportLaneFailure, halt.Token);
        using var consumer = Build();
        consumer.Subscribe(settings.EventsTopic);
        KafkaLog.Started(logger, settings.EventsTopic, settings.GroupId, settings.GroupProtocol, settings.Lanes);
        var sinceHousekeeping = Stopwatch.StartNew();
        while (!stopping.IsCancellationRequested && !halt.IsCancellationRequested)
        {
            if (sinceHousekeeping.Elapsed >= HousekeepingInterval)
            {
                Housekeep(consumer);
                sinceHousekeeping.Restart();
            }

            if (Consume(consumer) is { } result)
            {
                Accept(consumer, result);
            }
        }

        if (!halt.IsCancellationRequested)
        {
            ShutDown(consumer, halt.Token);
        }

        if (halt.IsCancellationRequested)
        {
            // Disposing without Close commits nothing and leaves the group to notice the member is gone.
            KafkaLog.ShutdownAbandoned(logger);
            AbandonAll();

            // The lanes stop at their next await on the halt; waited for, so that the producer and the stores are
            // not disposed under a lane still calling them (a native client used after it is destroyed crashes the process).
            Task.WaitAny([lanes.CompleteAsync()], LaneStopWait);
        }

        if (fault.Error is { } error)
        {
            throw new KafkaException(error);
        }

        if (fault.LaneFailure is { } failure)
        {
            throw new InvalidOperationException("A lane failed; its events were left to be redelivered.", failure);
        }
    }

    private IConsumer<byte[]?, byte[]?> Build() =>
        new ConsumerBuilder<byte[]?, byte[]?>(KafkaClientConfig.Consumer(settings))
            .SetErrorHandler((_, error) => fault.Observe(error))
            .SetLogHandler((_, message) =>
            {
                resets.Observe(message);
                KafkaLog.ClientLog(logger, message);
            })
            .SetStatisticsHandler((_, statistics) => lag.Observe(statistics))
            .SetPartitionsAssignedHandler((_, partitions) => OnAssigned(partitions))
            .SetPartitionsRevokedHandler((consumer, partitions) => OnRevoked(consumer, partitions))
            .SetPartitionsLostHandler((consumer, partitions) => OnLost(consumer, partitions))
            .SetOffsetsCommittedHandler((_, committed) => OnCommitted(committed))
            .Build();

    private ConsumeResult<byte[]?, byte[]?>? Consume(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            return consumer.Consume(PollTimeout);
        }
        catch (ConsumeException e)
        {
            fault.Observe(e.Error);
            return null;
        }
    }

    private void Accept(IConsumer<byte[]?, byte[]?> consumer, ConsumeResult<byte[]?, byte[]?> result)
    {
        if (!leases.TryGetValue(result.TopicPartition, out var lease))
        {
            return;
        }

        var offset = result.Offset.Value;
        if (lease.NextOffset != offset)
        {
            resets.Jumped(lease.Partition, lease.NextOffset, offset);
        }

        lease.NextOffset = offset + 1;
        lease.Backlog.Enqueue(result);
        DispatchBacklog(lease);
        if (!lease.Paused && lease.Backlog.Count >= settings.LaneCapacity)
        {
            Pause(consumer, lease);
        }
    }

    /// <summary>Hands waiting messages to their lanes in partition order, up to the first whose lane is full.</summary>
    private void DispatchBacklog(PartitionLease lease)
    {
        while (lease.Backlog.TryPeek(out var next))
        {
            var lane = lanes.LaneFor(next.Message.Key, next.Partition.Value);
            if (lanes.IsFull(lane))
            {
                return;
            }

            lease.Backlog.Dequeue();
            var offset = next.Offset.Value;
            lanes.Dispatch(lane, new ConsumedEvent(lease, lease.Progress.Track(offset), offset, next.Message.Key, next.Message.Value, EventTracing.ParentOf(next.Message.Headers)));
        }
    }

    private void Housekeep(IConsumer<byte[]?, byte[]?> consumer)
    {
        foreach (var lease in leases.Values)
        {
            StoreFinished(consumer, lease);
            DispatchBacklog(lease);

            // Resumed only once the backlog is half gone, so a partition does not flap at the limit.
            var backlogged = lease.Backlog.Count >= (lease.Paused ? settings.LaneCapacity / 2 : settings.LaneCapacity);
            var blocked = lease.IsStuck || backlogged;
            if (blocked && !lease.Paused)
            {
                Pause(consumer, lease);
            }
            else if (!blocked && lease.Paused)
            {
                Resume(consumer, lease);
            }
        }
    }

    private void ShutDown(IConsumer<byte[]?, byte[]?> consumer, CancellationToken halt)
    {
        foreach (var lease in leases.Values)
        {
            lease.Backlog.Clear();
        }

        _ = lanes.CompleteAsync();
        Drain(leases.Values.ToList(), halt);
        if (halt.IsCancellationRequested)
        {
            return;
        }

        foreach (var lease in leases.Values)
        {
            StoreFinished(consumer, lease);
        }

        var committed = Commit(consumer);
        consumer.Close();
        AbandonAll();
        KafkaLog.Stopped(logger, committed);
    }

    private void Drain(IReadOnlyCollection<PartitionLease> draining, CancellationToken halt)
    {
        var clock = Stopwatch.StartNew();
        while (draining.Any(lease => lease.Progress.InFlight > 0))
        {
            if (clock.Elapsed >= settings.DrainTimeout || halt.IsCancellationRequested)
            {
                KafkaLog.DrainTimedOut(logger, draining.Sum(lease => lease.Progress.InFlight), clock.Elapsed);
                return;
            }

            Thread.Sleep(5);
        }
    }

    private void AbandonAll()
    {
        foreach (var lease in leases.Values)
        {
            lease.Abandon();
        }

        leases.Clear();
    }
}
