using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Kafka;

/// <summary>
/// The Kafka adapter's log lines. They name topics, partitions, offsets and error codes, never a
/// message's content: an event carries addresses, emails and user agents.
/// </summary>
internal static partial class KafkaLog
{
    [LoggerMessage(EventIds.KafkaConsumerStarted, LogLevel.Information, "Consuming {Topic} in group {GroupId} ({Protocol} protocol) with {Lanes} lanes")]
    public static partial void Started(ILogger logger, string topic, string groupId, KafkaGroupProtocol protocol, int lanes);

    [LoggerMessage(EventIds.KafkaConsumerStopped, LogLevel.Information, "Stopped consuming; offsets of finished events committed: {Committed}")]
    public static partial void Stopped(ILogger logger, bool committed);

    [LoggerMessage(EventIds.KafkaPartitionsAssigned, LogLevel.Information, "Partitions assigned: {Partitions}")]
    public static partial void Assigned(ILogger logger, string partitions);

    [LoggerMessage(EventIds.KafkaPartitionsRevoked, LogLevel.Information, "Partitions revoked: {Partitions}; finishing their events in flight")]
    public static partial void Revoked(ILogger logger, string partitions);

    [LoggerMessage(EventIds.KafkaPartitionsLost, LogLevel.Warning, "Partitions lost: {Partitions}; their unfinished events are left to the next owner")]
    public static partial void Lost(ILogger logger, string partitions);

    [LoggerMessage(EventIds.KafkaPartitionPaused, LogLevel.Warning, "Paused {Topic} [{Partition}] at offset {Offset}: its events keep failing; still polling, resuming when they go through")]
    public static partial void PausedForOutage(ILogger logger, string topic, int partition, long? offset);

    [LoggerMessage(EventIds.KafkaPartitionThrottled, LogLevel.Debug, "Paused {Topic} [{Partition}] at offset {Offset}: its lane is full")]
    public static partial void PausedForBackpressure(ILogger logger, string topic, int partition, long? offset);

    [LoggerMessage(EventIds.KafkaPartitionResumed, LogLevel.Information, "Resumed {Topic} [{Partition}] at offset {Offset}")]
    public static partial void Resumed(ILogger logger, string topic, int partition, long? offset);

    [LoggerMessage(EventIds.KafkaProcessingRetried, LogLevel.Warning, "Batch of {Count} event(s) from {Topic} [{Partition}] @{Offset} failed (attempt {Attempt}); retrying in {Delay}")]
    public static partial void ProcessingRetried(ILogger logger, Exception? exception, int count, string topic, int partition, long offset, int attempt, TimeSpan delay);

    [LoggerMessage(EventIds.KafkaPublicationNotRecorded, LogLevel.Warning, "The decision of the event at {Topic} [{Partition}] @{Offset} was published, or its event parked, but recording that failed (attempt {Attempt}); recording it again, the event's offset waits")]
    public static partial void PublicationNotRecorded(ILogger logger, Exception exception, string topic, int partition, long offset, int attempt);

    [LoggerMessage(EventIds.KafkaDeliveryRetried, LogLevel.Warning, "Publishing to {Topic} failed ({Code}: {Reason}); publishing again, the event's offset waits")]
    public static partial void DeliveryRetried(ILogger logger, string topic, ErrorCode code, string reason);

    [LoggerMessage(EventIds.KafkaDeliveryRefused, LogLevel.Error, "Publishing to {Topic} was refused for good ({Code}: {Reason}); not sending it again")]
    public static partial void DeliveryRefused(ILogger logger, string topic, ErrorCode code, string reason);

    [LoggerMessage(EventIds.KafkaEventParked, LogLevel.Error, "Parked {Topic} [{Partition}] @{Offset} ({Reason}, after {Attempts} attempt(s)) on {ParkingTopic}; moving on: {Detail}")]
    public static partial void Parked(ILogger logger, string topic, int partition, long offset, string reason, int attempts, string parkingTopic, string detail);

    [LoggerMessage(EventIds.KafkaEventNotParkedAgain, LogLevel.Warning, "The decision of the event at {Topic} [{Partition}] @{Offset} was refused for good, but {Why}: not parking it again; moving on")]
    public static partial void NotParkedAgain(ILogger logger, string topic, int partition, long offset, string why);

    [LoggerMessage(EventIds.KafkaOffsetsSkipped, LogLevel.Error, "Events lost on {Topic} [{Partition}]: Kafka no longer held offset {From} when this worker fetched it, so it went on from offset {To}; the {Skipped} offset(s) in between are never decided. Kafka deleted them before they were read: raise the topic's retention.ms / retention.bytes, add workers, or find why this worker lags (loginguard.kafka.consumer_lag)")]
    public static partial void OffsetsSkipped(ILogger logger, string topic, int partition, long from, long to, long skipped);

    [LoggerMessage(EventIds.KafkaOffsetsSkipped, LogLevel.Error, "Events lost on {Topic} [{Partition}]: Kafka no longer held this worker's position, so it went on from offset {To}; how many offsets were skipped is unknown, their events are never decided. Kafka deleted them before they were read: raise the topic's retention.ms / retention.bytes, add workers, or find why this worker lags (loginguard.kafka.consumer_lag)")]
    public static partial void OffsetsSkippedFromUnknown(ILogger logger, string topic, int partition, long to);

    [LoggerMessage(EventIds.KafkaLaneFailed, LogLevel.Critical, "Lane {Lane} failed; stopping LoginGuard without committing, events in flight are redelivered after restart")]
    public static partial void LaneFailed(ILogger logger, Exception exception, int lane);

    [LoggerMessage(EventIds.KafkaDrainTimedOut, LogLevel.Warning, "{Count} event(s) still in flight after {Timeout}; leaving them to be redelivered")]
    public static partial void DrainTimedOut(ILogger logger, int count, TimeSpan timeout);

    [LoggerMessage(EventIds.KafkaCommitFailed, LogLevel.Warning, "Committing offsets failed ({Code}: {Reason}); those events will be redelivered and recognised by eventId")]
    public static partial void CommitFailed(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(EventIds.KafkaShutdownAbandoned, LogLevel.Warning, "Shutdown deadline passed: leaving the group without committing; unfinished events are redelivered")]
    public static partial void ShutdownAbandoned(ILogger logger);

    [LoggerMessage(EventIds.KafkaClientError, LogLevel.Warning, "Kafka client error {Code}: {Reason}")]
    public static partial void ClientError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(EventIds.KafkaFatalError, LogLevel.Critical, "Fatal Kafka error {Code}: {Reason}; stopping LoginGuard without committing, events in flight are redelivered after restart")]
    public static partial void FatalError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(EventIds.KafkaLoopFailed, LogLevel.Critical, "The consume loop failed; stopping LoginGuard without committing, events in flight are redelivered after restart")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    /// <summary>
    /// A line of librdkafka's own, at its own severity: it logs little beyond debugging unless something went wrong,
    /// and what went wrong (an offset reset that skipped events, a broker refusing a request) must not be hidden at Debug.
    /// </summary>
    public static void ClientLog(ILogger logger, LogMessage message)
    {
        var level = LevelOf(message.Level);
        ClientLog(logger, level, message.Facility, message.Message);
    }

    public static string Describe(IEnumerable<TopicPartition> partitions) =>
        string.Join(", ", partitions.Select(p => $"{p.Topic} [{p.Partition.Value}]"));

    [LoggerMessage(EventId = EventIds.KafkaClientLog, Message = "librdkafka {Facility}: {Message}")]
    private static partial void ClientLog(ILogger logger, LogLevel level, string facility, string message);

    private static LogLevel LevelOf(SyslogLevel level) => level switch
    {
        <= SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };
}
