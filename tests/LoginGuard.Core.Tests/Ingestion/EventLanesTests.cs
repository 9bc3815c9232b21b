using System.Collections.Concurrent;
using Confluent.Kafka;
using LoginGuard.Kafka;
using Microsoft.Extensions.Time.Testing;

namespace LoginGuard.Core.Tests.Ingestion;

public sealed class EventLanesTests
{
    [Fact]
    public async Task A_lone_event_is_decided_once_it_has_waited_the_batch_delay_rather_than_for_a_full_batch()
    {
        var clock = new FakeTimeProvider();
        var batches = new ConcurrentQueue<int>();
        var decided = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lanes = Lanes(maxBatch: 500, TimeSpan.FromMilliseconds(5), clock, batch =>
        {
            batches.Enqueue(batch.Count);
            decided.TrySetResult();
        });

        lanes.Dispatch(0, Event(1));
        await Task.Delay(50);
        var decidedEarly = decided.Task.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(5));

        // A lane that read the clock before the advance but set its timer after it (a busy machine) waits 5 ms more.
        for (var round = 0; round < 100 && !decided.Task.IsCompleted; round++)
        {
            await Task.WhenAny(decided.Task, Task.Delay(100));
            clock.Advance(TimeSpan.FromMilliseconds(5));
        }

        await decided.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await lanes.CompleteAsync();

        decidedEarly.Should().BeFalse("an idle lane waits up to the delay for others to share the batch");
        batches.Should().Equal(1);
    }

    [Fact]
    public async Task A_full_batch_is_decided_at_once_without_waiting_for_the_batch_delay()
    {
        var batches = new ConcurrentQueue<int>();
        var decided = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lanes = Lanes(maxBatch: 3, TimeSpan.FromSeconds(1), new FakeTimeProvider(), batch =>
        {
            batches.Enqueue(batch.Count);
            decided.TrySetResult();
        });

        lanes.Dispatch(0, Event(1));
        lanes.Dispatch(0, Event(2));
        lanes.Dispatch(0, Event(3));
        await decided.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await lanes.CompleteAsync();

        batches.Should().Equal(3);
    }

    [Fact]
    public async Task A_lane_whose_work_throws_is_reported_with_its_number_instead_of_ending_unobserved()
    {
        var failures = new ConcurrentQueue<(int Lane, Exception Failure)>();
        var lanes = new EventLanes(
            count: 2,
            capacity: 4,
            maxBatch: 10,
            TimeSpan.Zero,
            TimeProvider.System,
            (_, _) => throw new InvalidOperationException("boom"),
            (lane, failure) => failures.Enqueue((lane, failure)),
            CancellationToken.None);
        var lease = new PartitionLease(new TopicPartition("auth-events", 0));
        var lane = lanes.LaneFor(null, 0);

        lanes.Dispatch(lane, new ConsumedEvent(lease, lease.Progress.Track(7), 7, null, [1]));
        await lanes.CompleteAsync();

        failures.Should().ContainSingle().Which.Should().Match<(int Lane, Exception Failure)>(f => f.Lane == lane && f.Failure.Message == "boom");
    }

    [Fact]
    public async Task A_lane_abandoned_at_shutdown_is_not_reported_as_failed()
    {
        using var abort = new CancellationTokenSource();
        var failures = new ConcurrentQueue<int>();
        var started = new TaskCompletionSource();
        var lanes = new EventLanes(
            count: 1,
            capacity: 4,
            maxBatch: 10,
            TimeSpan.Zero,
            TimeProvider.System,
            async (_, token) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, token);
            },
            (lane, _) => failures.Enqueue(lane),
            abort.Token);
        var lease = new PartitionLease(new TopicPartition("auth-events", 0));

        lanes.Dispatch(0, new ConsumedEvent(lease, lease.Progress.Track(1), 1, null, [1]));
        await started.Task;
        await abort.CancelAsync();
        await lanes.CompleteAsync();

        failures.Should().BeEmpty();
    }

    private static readonly PartitionLease Lease = new(new TopicPartition("auth-events", 0));

    private static EventLanes Lanes(int maxBatch, TimeSpan maxBatchDelay, TimeProvider clock, Action<IReadOnlyList<ConsumedEvent>> decide) =>
        new(count: 1, capacity: 10, maxBatch, maxBatchDelay, clock, (batch, _) =>
        {
            decide(batch);
            return Task.CompletedTask;
        }, (_, _) => { }, CancellationToken.None);

    private static ConsumedEvent Event(long offset) => new(Lease, Lease.Progress.Track(offset), offset, null, [1]);
}
