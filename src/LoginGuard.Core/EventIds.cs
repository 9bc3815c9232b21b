namespace LoginGuard;

/// <summary>Every log event id in one place, grouped by stage, so an id never means two things.</summary>
internal static class EventIds
{
    public const int EventRejected = 1001;
    public const int EventRedelivered = 1002;
    public const int EventDecided = 1003;
    public const int AlertUnaddressable = 1004;
    public const int EventOfErasedLearner = 1005;

    // Kafka ingestion: the consume loop, its partitions and the clients under it.
    public const int KafkaConsumerStarted = 3001;
    public const int KafkaConsumerStopped = 3002;
    public const int KafkaPartitionsAssigned = 3003;
    public const int KafkaPartitionsRevoked = 3004;
    public const int KafkaPartitionsLost = 3005;
    public const int KafkaPartitionPaused = 3006;
    public const int KafkaPartitionResumed = 3007;
    public const int KafkaProcessingRetried = 3008;
    public const int KafkaDeliveryRetried = 3009;
    public const int KafkaDrainTimedOut = 3010;
    public const int KafkaCommitFailed = 3011;
    public const int KafkaShutdownAbandoned = 3012;
    public const int KafkaClientError = 3013;
    public const int KafkaFatalError = 3014;
    public const int KafkaClientLog = 3015;
    public const int KafkaPartitionThrottled = 3016;
    public const int KafkaLoopFailed = 3017;
    public const int KafkaDeliveryRefused = 3018;
    public const int KafkaEventParked = 3019;
    public const int KafkaLaneFailed = 3020;
    public const int KafkaPublicationNotRecorded = 3021;
    public const int KafkaEventNotParkedAgain = 3022;
    public const int KafkaOffsetsSkipped = 3023;

    // Alert delivery: the outbox, the dispatcher and the SMTP connection.
    public const int AlertQueued = 4001;
    public const int AlertSent = 4002;
    public const int AlertRetrying = 4003;
    public const int AlertFailed = 4004;
    public const int SmtpConnected = 4005;
    public const int AlertDispatchFailed = 4006;
    public const int AlertsLeftQueued = 4007;
    public const int AlertClaimLost = 4008;
    public const int AlertSentUnderLostClaim = 4009;
    public const int AlertSentNotRecorded = 4010;

    // Learners' data: erasure and the answers learners give to alert mails.
    public const int LearnerErased = 6001;
    public const int FeedbackTaken = 6002;
    public const int ReportPublished = 6003;
    public const int ReportRetrying = 6004;
    public const int ReportPublishedNotRecorded = 6005;
    public const int ReportExpired = 6006;
    public const int ReportRelayFailed = 6007;
    public const int ErasureFailed = 6008;
    public const int ErasureQueueUnreachable = 6009;

    // Behavior state: what the worker checks of the Redis it keeps state in.
    public const int RedisEvictionPossible = 7001;
    public const int RedisPolicyUnchecked = 7002;

    // Scoring: the rule set and its reloads.
    public const int RuleSetLoaded = 5001;
    public const int RuleSetRejected = 5002;
    public const int RuleSetError = 5003;

    // The HTTP API: what it could not record of the calls it answered.
    public const int AuditNotWritten = 8001;
}
