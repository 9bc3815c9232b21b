using System.Diagnostics.Metrics;
using LoginGuard.Contracts;

namespace LoginGuard.Alerts;

/// <summary>The <c>LoginGuard.Alerts</c> meter: how much mail is owed, sent, retried and lost, and how long the oldest has waited.</summary>
internal sealed class AlertMetrics
{
    public const string MeterName = "LoginGuard.Alerts";

    private readonly Counter<long> queued;
    private readonly Counter<long> suppressed;
    private readonly Counter<long> sent;
    private readonly Counter<long> retried;
    private readonly Counter<long> failed;

    public AlertMetrics(IMeterFactory meterFactory, TimeProvider clock)
    {
        var meter = meterFactory.Create(MeterName);
        queued = meter.CreateCounter<long>("loginguard.alerts.queued", "{alert}", "Alerts written to the outbox.");
        suppressed = meter.CreateCounter<long>("loginguard.alerts.suppressed", "{alert}", "New-device alerts held for their window's summary, and suspicious-activity findings within an incident already told.");
        sent = meter.CreateCounter<long>("loginguard.alerts.sent", "{alert}", "Alert mails accepted by the mail server or pickup folder.");
        retried = meter.CreateCounter<long>("loginguard.alerts.retried", "{attempt}", "Failed sends that will be tried again.");
        failed = meter.CreateCounter<long>("loginguard.alerts.failed", "{alert}", "Alerts recorded as failed and never tried again.");

        // Age rather than count: a queue of ten that is an hour old is the outage worth paging someone for.
        meter.CreateObservableGauge(
            "loginguard.alerts.oldest_queued_age",
            () => OldestQueuedAt is { } at ? Math.Max(0, (clock.GetUtcNow() - at).TotalSeconds) : 0,
            "s",
            "How long the alert waiting longest has been queued; 0 when none waits.");
    }

    /// <summary>Refreshed by the dispatcher after each round, so the gauge never waits on Redis.</summary>
    public DateTimeOffset? OldestQueuedAt { get; set; }

    public void Queued(AlertKind kind) => queued.Add(1, Tag(kind));

    public void Suppressed(AlertKind kind) => suppressed.Add(1, Tag(kind));

    public void Sent(AlertKind kind) => sent.Add(1, Tag(kind));

    public void Retried() => retried.Add(1);

    public void Failed(AlertKind kind) => failed.Add(1, Tag(kind));

    private static KeyValuePair<string, object?> Tag(AlertKind kind) => new("kind", kind.ToWireName());
}
