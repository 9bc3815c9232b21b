using System.Diagnostics.Metrics;
using Confluent.Kafka;
using LoginGuard.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LoginGuard.Core.Tests.Ingestion;

/// <summary>Which jumps in a partition an operator hears of: those librdkafka made after Kafka deleted the events, and no others.</summary>
public sealed class OffsetResetsTests : IDisposable
{
    private const string ResetAfterRetention =
        "[thrd:main]: auth-events [12]: offset reset (at offset 16000 (leader epoch 0), broker 2) to offset BEGINNING: " +
        "fetch failed due to requested offset not available on the broker: Broker: Offset out of range";

    private static readonly TopicPartition Partition = new("auth-events", 12);
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeLogger<OffsetResets> logger = new();
    private readonly MetricCollector<long> skipped;
    private readonly OffsetResets resets;

    public OffsetResetsTests()
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        skipped = new MetricCollector<long>(meters, KafkaLagMetrics.MeterName, "loginguard.kafka.skipped_offsets");
        resets = new OffsetResets(meters, logger);
    }

    public void Dispose()
    {
        skipped.Dispose();
        services.Dispose();
    }

    [Fact]
    public void Reports_the_offsets_a_reset_after_an_error_skipped_from_where_the_worker_was()
    {
        resets.Observe(new LogMessage("loginguard#consumer-1", SyslogLevel.Warning, "OFFSET", ResetAfterRetention));
        resets.Jumped(Partition, next: 15_990, consumed: 40_183);

        var lost = logger.Collector.GetSnapshot().Should().ContainSingle().Subject;
        lost.Level.Should().Be(LogLevel.Error);
        lost.Id.Id.Should().Be(EventIds.KafkaOffsetsSkipped);
        lost.Message.Should().StartWith("Events lost on auth-events [12]: Kafka no longer held offset 15990 ").And.Contain("went on from offset 40183; the 24193 offset(s)");
        skipped.GetMeasurementSnapshot().Should().ContainSingle().Which.Value.Should().Be(24_193, "the ten messages librdkafka had fetched ahead and dropped were not decided either");
    }

    [Fact]
    public void Counts_from_the_offset_librdkafka_reset_from_on_a_partitions_first_message()
    {
        resets.Observe(new LogMessage("loginguard#consumer-1", SyslogLevel.Warning, "OFFSET", ResetAfterRetention));
        resets.Jumped(Partition, next: null, consumed: 40_183);

        logger.Collector.GetSnapshot().Should().ContainSingle().Which.GetStructuredStateValue("Skipped").Should().Be("24183");
        skipped.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Contain("partition", 12).And.Contain("topic", "auth-events");
    }

    [Fact]
    public void Reports_a_reset_from_a_position_nobody_knows_without_making_up_a_count()
    {
        resets.Observe(new LogMessage(
            "loginguard#consumer-1",
            SyslogLevel.Warning,
            "OFFSET",
            "[thrd:main]: auth-events [12]: offset reset (at offset INVALID, broker 2) to offset BEGINNING: fetch failed: Broker: Offset out of range"));
        resets.Jumped(Partition, next: null, consumed: 40_183);

        var lost = logger.Collector.GetSnapshot().Should().ContainSingle().Subject;
        lost.Level.Should().Be(LogLevel.Error);
        lost.Id.Id.Should().Be(EventIds.KafkaOffsetsSkipped);
        lost.Message.Should().Contain("went on from offset 40183; how many offsets were skipped is unknown");
        skipped.GetMeasurementSnapshot().Should().BeEmpty("a count made up would mislead more than none");
    }

    [Fact]
    public void Says_nothing_of_a_gap_without_a_reset_such_as_a_transaction_marker()
    {
        resets.Jumped(Partition, next: 100, consumed: 102);

        logger.Collector.Count.Should().Be(0);
        skipped.GetMeasurementSnapshot().Should().BeEmpty();
    }

    [Fact]
    public void Says_nothing_of_a_new_group_starting_at_the_oldest_event()
    {
        resets.Observe(new LogMessage(
            "loginguard#consumer-1",
            SyslogLevel.Debug,
            "OFFSET",
            "[thrd:main]: auth-events [12]: offset reset (at offset INVALID, broker 2) to offset BEGINNING: no previously committed offset available: Local: No offset stored"));
        resets.Jumped(Partition, next: null, consumed: 5_000);

        logger.Collector.Count.Should().Be(0);
    }

    [Fact]
    public void Says_nothing_of_a_reset_from_before_the_partition_was_assigned_again()
    {
        resets.Observe(new LogMessage("loginguard#consumer-1", SyslogLevel.Warning, "OFFSET", ResetAfterRetention));
        resets.Forget(Partition);
        resets.Jumped(Partition, next: null, consumed: 40_183);

        logger.Collector.Count.Should().Be(0);
    }

    [Fact]
    public void Reports_one_reset_once()
    {
        resets.Observe(new LogMessage("loginguard#consumer-1", SyslogLevel.Warning, "OFFSET", ResetAfterRetention));
        resets.Jumped(Partition, next: 16_000, consumed: 40_183);
        resets.Jumped(Partition, next: 40_200, consumed: 40_202);

        logger.Collector.Count.Should().Be(1);
    }
}
