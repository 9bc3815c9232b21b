namespace LoginGuard.Feedback;

/// <summary>
/// How a "wasn't me" report waits for Kafka and is sent (section <c>Feedback:Reports</c>). The report is kept in Redis
/// with the answer and sent from there, so a worker that dies or a Kafka that is down delays it, never loses it.
/// </summary>
internal sealed class ReportRelayOptions
{
    /// <summary>
    /// How long a report is kept: while it waits for Kafka, and after it was sent, so the same event is not reported
    /// twice. A report Kafka has not taken by then is dropped and logged as an error (event 6006).
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often a worker looks for reports owed by others (a dead worker's, or ones waiting to be retried).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a report a worker is sending is reserved for it; renewed while the worker waits on Kafka. If the worker
    /// dies, another sends the report after this.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first wait before a report Kafka refused (an ACL, say) is sent again; each further refusal doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two tries.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
