using System.Collections.Concurrent;
using Confluent.Kafka;
using LoginGuard.Kafka;

namespace LoginGuard.Core.Tests.Ingestion;

public sealed class EventLanesTests
{
    [Fact]
    public async Task A_lane_whose_work_throws_is_reported_with_its_number_instead_of_ending_unobserved()
    {
        var failures = new ConcurrentQueue<(int Lane, Exception Failure)>();
        var lanes = new EventLanes(
            count: 2,
            capacity: 4,
            maxBatch: 10,
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
}
