namespace LoginGuard.Alerts.Outbox;

/// <summary>
/// How many new-device mails a learner gets during an attack. Bound from <c>Alerts:Throttle</c>. Account
/// changes (password, two-step verification, email) are never throttled.
/// </summary>
internal sealed class AlertThrottleOptions
{
    public const string SectionName = "Alerts:Throttle";

    /// <summary>New-device mails a learner gets per <see cref="Window"/> of event time; the rest are counted and told in the next one.</summary>
    public int MaxNewDeviceMails { get; set; } = 1;

    /// <summary>The window, measured on the events' <c>occurredAt</c>, never the wall clock.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
