using LoginGuard.Contracts;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Pipeline;

/// <summary>
/// The pipeline's log lines. They name events by id and kind only: never an address, a user agent,
/// an email or a name, so logs can be shipped anywhere without becoming personal data.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventIds.EventRejected, LogLevel.Warning, "Event rejected as a dead letter: {Reason} (field {Field})")]
    public static partial void Rejected(ILogger logger, string reason, string? field);

    [LoggerMessage(EventIds.EventRedelivered, LogLevel.Information, "Event {EventId} was decided before; republishing its decision as a duplicate")]
    public static partial void Redelivered(ILogger logger, string eventId);

    [LoggerMessage(EventIds.EventDecided, LogLevel.Debug, "Event {EventId} ({Type}) decided {Level} with {AlertCount} alert(s)")]
    public static partial void Decided(ILogger logger, string eventId, AuthEventType type, RiskLevel level, int alertCount);

    [LoggerMessage(EventIds.EventOfErasedLearner, LogLevel.Information, "Event {EventId} ({Type}) is of what its learner's erasure took: published as learner-erased, nothing kept")]
    public static partial void OfErasedLearner(ILogger logger, string eventId, AuthEventType type);

    [LoggerMessage(EventIds.AlertUnaddressable, LogLevel.Warning, "Event {EventId} owes a {Kind} alert that cannot be sent: {Reason}")]
    public static partial void Unaddressable(ILogger logger, string eventId, AlertKind kind, string reason);
}
