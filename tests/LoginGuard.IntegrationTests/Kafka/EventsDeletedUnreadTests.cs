using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using LoginGuard.Kafka;
using LoginGuard.Testing.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>
/// A worker that comes back to a partition whose retention deleted events it had not read: Kafka no longer holds them,
/// so they cannot be decided, and the operator must hear of it.
/// </summary>
public sealed class EventsDeletedUnreadTests(KafkaMockCluster cluster) : IClassFixture<KafkaMockCluster>, IDisposable
{
    /// <summary>Just under the 64 KiB a worker accepts: about 90 of them fill what a mock partition keeps (≈ 5 MiB).</summary>
    private const int PaddedBytes = 60_000;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The mock cluster holds a stopped member's partitions until its session times out: a short one, for a quick restart.</summary>
    private static readonly Dictionary<string, string?> Session = new()
    {
        ["Kafka:Consumer:session.timeout.ms"] = "3000",
        ["Kafka:Consumer:heartbeat.interval.ms"] = "500",
    };

    private readonly string pickup = Directory.CreateTempSubdirectory("loginguard-retention-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    [Fact]
    public async Task A_worker_restarted_after_retention_deleted_events_it_had_not_read_logs_an_error_with_the_partition_and_the_offsets_skipped_counts_them_and_decides_the_events_left()
    {
        var topics = KafkaTopics.Create(cluster, partitions: 1);
        var messages = SampleMessage.FromSample(120);
        var (readBeforeStop, publishedWhileStopped) = (messages.Take(20).ToList(), messages.Skip(20).Select(Padded).ToList());
        var decidedBeforeStop = (await Owed.ByReplayAsync(readBeforeStop)).DecidedEvents;
        TopicClient.Publish(cluster, topics.Events, readBeforeStop);
        var first = await WorkerUnderTest.StartAsync(cluster, topics, pickup, new ControllableBehaviorStore(), settings: Session);
        await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => DecidedIds(read).IsSupersetOf(decidedBeforeStop), Patience, settle: TimeSpan.Zero);
        await first.StopAsync();
        await first.DisposeAsync();

        // More than the partition keeps: the oldest events, the offset the worker committed among them, are deleted unread.
        TopicClient.Publish(cluster, topics.Events, publishedWhileStopped);
        var logStart = (int)TopicClient.LogStart(cluster, topics.Events, partition: 0);
        var deletedUnread = logStart - readBeforeStop.Count;
        var decidedAfterRestart = (await Owed.ByReplayAsync(publishedWhileStopped.Skip(deletedUnread))).DecidedEvents;
        using var skippedOffsets = new SkippedOffsets(topics.Events);
        var log = new FakeLoggerProvider();
        await using var second = await WorkerUnderTest.StartAsync(cluster, topics, pickup, new ControllableBehaviorStore(), log, Session);
        var decided = DecidedIds(await TopicClient.ReadAsync(
            cluster, topics.Decisions, topics.Partitions, read => DecidedIds(read).IsSupersetOf(decidedAfterRestart), Patience));

        deletedUnread.Should().BePositive("the mock dropped the oldest events, the committed offset among them");
        var lost = log.Collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == EventIds.KafkaOffsetsSkipped).Subject;
        lost.Level.Should().Be(LogLevel.Error);
        lost.GetStructuredStateValue("Topic").Should().Be(topics.Events);
        lost.GetStructuredStateValue("Partition").Should().Be("0");
        lost.GetStructuredStateValue("From").Should().Be($"{readBeforeStop.Count}", "the worker had committed the events before it");
        lost.GetStructuredStateValue("To").Should().Be($"{logStart}");
        lost.GetStructuredStateValue("Skipped").Should().Be($"{deletedUnread}");
        lost.Message.Should().Contain("retention.ms").And.Contain("retention.bytes", "the line says what to do");
        skippedOffsets.ByPartition.Should().Equal(new Dictionary<int, long> { [0] = deletedUnread });
        decided.Should().BeEquivalentTo(decidedBeforeStop.Concat(decidedAfterRestart), "every event Kafka still held is decided, and none it deleted");
        second.Failure.Should().BeNull();
    }

    private static HashSet<string> DecidedIds(IEnumerable<Confluent.Kafka.ConsumeResult<byte[]?, byte[]?>> read) =>
        Owed.Decode(read).Select(d => d.EventId).ToHashSet(StringComparer.Ordinal);

    /// <summary>The event with a long extra field, which a worker ignores: still valid, and big enough to fill the partition quickly.</summary>
    private static SampleMessage Padded(SampleMessage message)
    {
        var json = Encoding.UTF8.GetString(message.Value).TrimEnd();
        var head = json[..^1] + ",\"note\":\"";
        var tail = "\"}";
        return message with { Value = Encoding.UTF8.GetBytes(head + new string('x', PaddedBytes - Encoding.UTF8.GetByteCount(head) - tail.Length) + tail) };
    }

    /// <summary><c>loginguard.kafka.skipped_offsets</c> of one topic, by partition, as an exporter would read it.</summary>
    private sealed class SkippedOffsets : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentDictionary<int, long> byPartition = new();

        public SkippedOffsets(string topic)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == KafkaLagMetrics.MeterName && instrument.Name == "loginguard.kafka.skipped_offsets")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                var tagged = tags.ToArray();
                if (tagged.Any(t => t.Key == "topic" && (string?)t.Value == topic))
                {
                    byPartition.AddOrUpdate((int)tagged.Single(t => t.Key == "partition").Value!, value, (_, sum) => sum + value);
                }
            });
            listener.Start();
        }

        public IReadOnlyDictionary<int, long> ByPartition => byPartition;

        public void Dispose() => listener.Dispose();
    }
}
