using Microsoft.Extensions.Logging;

namespace LoginGuard.Feedback;

/// <summary>Feedback's log lines: learners by hash, reports by id and event id, never an account id.</summary>
internal static partial class FeedbackLog
{
    [LoggerMessage(EventIds.FeedbackTaken, LogLevel.Information, "Learner {Learner} labelled event {EventId} {Label}")]
    public static partial void Taken(ILogger logger, string learner, string eventId, string label);

    [LoggerMessage(EventIds.ReportPublished, LogLevel.Information, "Report {ReportId} of event {EventId} published (attempt {Attempt})")]
    public static partial void Published(ILogger logger, string reportId, string? eventId, int attempt);

    [LoggerMessage(EventIds.ReportRetrying, LogLevel.Warning, "Report {ReportId} of event {EventId} not published (attempt {Attempt}); trying again at {NotBefore:O}")]
    public static partial void Retrying(ILogger logger, Exception exception, string reportId, string? eventId, int attempt, DateTimeOffset notBefore);

    [LoggerMessage(EventIds.ReportPublishedNotRecorded, LogLevel.Warning, "Report {ReportId} was published but recording that failed; it will be published again after its lease, with the same report id")]
    public static partial void PublishedNotRecorded(ILogger logger, Exception exception, string reportId);

    [LoggerMessage(EventIds.ReportExpired, LogLevel.Error, "Report {ReportId} expired before Kafka took it (Feedback:Reports:Retention); the platform was not told of this learner's \"wasn't me\"")]
    public static partial void Expired(ILogger logger, string reportId);

    [LoggerMessage(EventIds.ReportRelayFailed, LogLevel.Warning, "Looking for reports to publish failed; trying again after {Delay}")]
    public static partial void RelayFailed(ILogger logger, Exception exception, TimeSpan delay);
}
