namespace LoginGuard.Alerts.Outbox;

/// <summary>How queued alerts wait, are retried and given up on. Bound from <c>Alerts:Outbox</c>.</summary>
internal sealed class AlertOutboxOptions
{
    public const string SectionName = "Alerts:Outbox";

    /// <summary>
    /// How long an alert id is remembered after it was queued, sent or failed; a redelivered event within this time
    /// sends nothing. Keep it at least as long as events can be redelivered (and as <c>State:DecisionRetention</c>).
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The first wait before a failed send is tried again; each further failure doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two tries, so mail goes out soon after a long outage ends.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An alert still not sent this long after it was queued is recorded as failed: news that late is no longer news.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often the dispatcher looks for alerts that are due when it has nothing to do.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a claimed alert is reserved for the worker that claimed it; if that worker dies, another sends it
    /// after this. Longer than one send with its retries.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Alerts claimed at a time.</summary>
    public int BatchSize { get; set; } = 50;
}
