using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Kafka;

/// <summary>
/// Events Kafka deleted before this worker read them. When a partition's fetch position is no longer in the log
/// (retention removed it while the worker lagged or was stopped), librdkafka resets the position to the oldest event
/// left (<c>auto.offset.reset=earliest</c>) and says so in a warning of its own only: the events in between are never
/// decided. Each such reset is reported as an error naming the partition and the offsets skipped, and counted by
/// <c>loginguard.kafka.skipped_offsets</c> (meter <c>LoginGuard.Kafka</c>), so an operator can alert on it.
/// </summary>
internal sealed partial class OffsetResets
{
    /// <summary>Resets librdkafka reported and the poll loop has not yet seen land, with the offset it reset from when it said.</summary>
    private readonly ConcurrentDictionary<TopicPartition, long?> pending = new();
    private readonly Counter<long> skipped;
    private readonly ILogger logger;

    public OffsetResets(IMeterFactory meterFactory, ILogger<OffsetResets> logger)
    {
        this.logger = logger;
        skipped = meterFactory.Create(KafkaLagMetrics.MeterName).CreateCounter<long>(
            "loginguard.kafka.skipped_offsets",
            "{offset}",
            "Offsets of the events topic skipped because Kafka no longer held them when the worker fetched them: their events are never decided.");
    }

    /// <summary>
    /// Notes a reset that librdkafka logged after an error. Runs on librdkafka's threads, before it fetches from the
    /// new position, so the note is there when the poll loop meets the first message after the jump.
    /// </summary>
    public void Observe(LogMessage message)
    {
        // A reset after an error is a warning; one for a partition without a committed offset (a new group starting
        // at the oldest event, as configured) is only debug-logged, and skips nothing.
        if (message.Level > SyslogLevel.Warning || message.Facility != "OFFSET" || ResetLine().Match(message.Message) is not { Success: true } line)
        {
            return;
        }

        var partition = new TopicPartition(line.Groups["topic"].Value, int.Parse(line.Groups["partition"].Value, CultureInfo.InvariantCulture));
        long? from = line.Groups["from"].Success ? long.Parse(line.Groups["from"].Value, CultureInfo.InvariantCulture) : null;

        // Should it reset again before a message arrives, the first reset is where the worker was.
        pending.TryAdd(partition, from);
    }

    /// <summary>Drops a reset noted while the partition was another assignment's: it was reported there or belongs to another member.</summary>
    public void Forget(TopicPartition partition) => pending.TryRemove(partition, out _);

    /// <summary>
    /// The poll loop met a message that is not the one after the last it consumed from its partition (or the first
    /// since the partition was assigned). Reports the reset that caused the jump, if one did: transaction markers,
    /// aborted transactions and compaction leave gaps too, and lose nothing.
    /// </summary>
    /// <param name="next">The offset after the last message consumed from the partition; null for its first since assignment.</param>
    /// <param name="consumed">The message the partition went on from.</param>
    public void Jumped(TopicPartition partition, long? next, long consumed)
    {
        if (!pending.TryRemove(partition, out var resetFrom))
        {
            return;
        }

        // The worker's own position when it has one: messages librdkafka had fetched ahead and dropped with the reset
        // were never decided either. Just after assignment, librdkafka's (the committed offset) is all there is.
        if ((next ?? resetFrom) is not { } from)
        {
            KafkaLog.OffsetsSkippedFromUnknown(logger, partition.Topic, partition.Partition.Value, consumed);
            return;
        }

        var count = Math.Max(0, consumed - from);
        KafkaLog.OffsetsSkipped(logger, partition.Topic, partition.Partition.Value, from, consumed, count);
        skipped.Add(count, new("topic", partition.Topic), new("partition", partition.Partition.Value));
    }

    /// <summary>
    /// librdkafka's line, e.g. <c>[thrd:main]: events [12]: offset reset (at offset 16000 (leader epoch 0), broker 2) to
    /// cached BEGINNING offset offset 16300 (leader epoch -1): fetch failed due to requested offset not available on the
    /// broker: Broker: Offset out of range</c>. A topic's name is made of letters, digits, '.', '_' and '-'.
    /// </summary>
    [GeneratedRegex(@"(?<topic>[A-Za-z0-9._-]+) \[(?<partition>\d+)\]: offset reset \((?:at offset (?<from>\d+))?")]
    private static partial Regex ResetLine();
}
