using System.Diagnostics.Metrics;

namespace LoginGuard.Feedback;

/// <summary>The <c>LoginGuard.Feedback</c> meter: "wasn't me" reports published, retried and lost, and how long the oldest has waited.</summary>
internal sealed class FeedbackMetrics
{
    public const string MeterName = "LoginGuard.Feedback";

    private readonly Counter<long> published;
    private readonly Counter<long> retried;
    private readonly Counter<long> expired;

    public FeedbackMetrics(IMeterFactory meterFactory, TimeProvider clock)
    {
        var meter = meterFactory.Create(MeterName);
        published = meter.CreateCounter<long>("loginguard.feedback.reports.published", "{report}", "\"Wasn't me\" reports Kafka took.");
        retried = meter.CreateCounter<long>("loginguard.feedback.reports.retried", "{attempt}", "Reports Kafka refused, to be sent again.");
        expired = meter.CreateCounter<long>("loginguard.feedback.reports.expired", "{report}", "Reports dropped unsent after Feedback:Reports:Retention.");

        // A report that waits is an account nobody has locked yet: page on its age.
        meter.CreateObservableGauge(
            "loginguard.feedback.reports.oldest_owed_age",
            () => OldestOwedAt is { } at ? Math.Max(0, (clock.GetUtcNow() - at).TotalSeconds) : 0,
            "s",
            "How long the report waiting longest for Kafka has waited since the learner answered; 0 when none waits.");
    }

    /// <summary>Refreshed by the relay after each round, so the gauge never waits on Redis.</summary>
    public DateTimeOffset? OldestOwedAt { get; set; }

    public void Published() => published.Add(1);

    public void Retried() => retried.Add(1);

    public void Expired() => expired.Add(1);
}
