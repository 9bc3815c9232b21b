using LoginGuard.Alerts.Delivery;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Alerts;

/// <summary>
/// The delivery's log lines. They name alerts by id, kind and event id, and failures by a short code: never an
/// address, a name or what a server answered, which may quote the address.
/// </summary>
internal static partial class AlertLog
{
    [LoggerMessage(EventIds.AlertQueued, LogLevel.Debug, "Alert {AlertId} ({Kind}) for event {EventId}: {Outcome}")]
    public static partial void Enqueued(ILogger logger, string alertId, AlertKind kind, string eventId, EnqueueOutcome outcome);

    [LoggerMessage(EventIds.AlertSent, LogLevel.Information, "Alert {AlertId} ({Kind}) for event {EventId} sent after {Attempts} failed attempt(s)")]
    public static partial void Sent(ILogger logger, string alertId, AlertKind kind, string eventId, int attempts);

    [LoggerMessage(EventIds.AlertRetrying, LogLevel.Warning, "Alert {AlertId} ({Kind}) for event {EventId} not sent ({Code}); trying again at {NotBefore:O}")]
    public static partial void Retrying(ILogger logger, string alertId, AlertKind kind, string eventId, string code, DateTimeOffset notBefore);

    [LoggerMessage(EventIds.AlertFailed, LogLevel.Error, "Alert {AlertId} ({Kind}) for event {EventId} failed for good ({Code}); recorded in the outbox's failed list")]
    public static partial void Failed(ILogger logger, string alertId, AlertKind kind, string eventId, string code);

    [LoggerMessage(EventIds.AlertClaimLost, LogLevel.Information, "Alert {AlertId} ({Kind}) for event {EventId} not sent here: another worker claimed it, or it was settled, after this round began")]
    public static partial void ClaimLost(ILogger logger, string alertId, AlertKind kind, string eventId);

    [LoggerMessage(EventIds.AlertSentUnderLostClaim, LogLevel.Warning, "Alert {AlertId} ({Kind}) for event {EventId} was sent after its lease passed to another worker; the lease is shorter than a send takes")]
    public static partial void SentUnderLostClaim(ILogger logger, string alertId, AlertKind kind, string eventId);

    [LoggerMessage(EventIds.SmtpConnected, LogLevel.Information, "Connected to the SMTP server ({Security}); pipelining off")]
    public static partial void SmtpConnected(ILogger logger, SmtpSecurity security);

    [LoggerMessage(EventIds.AlertSentNotRecorded, LogLevel.Warning, "Alert {AlertId} ({Kind}) was sent but recording that failed; recording it again before its claim runs out")]
    public static partial void SentNotRecorded(ILogger logger, Exception exception, string alertId, AlertKind kind);

    [LoggerMessage(EventIds.AlertDispatchFailed, LogLevel.Warning, "Dispatching alerts failed; trying again after {Delay}")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventIds.AlertsLeftQueued, LogLevel.Warning, "Stopping with alerts still queued in this process, waiting for a retry; they are not sent")]
    public static partial void LeftQueued(ILogger logger);
}
