using System.Diagnostics.Metrics;

namespace LoginGuard.LearnerRecords;

/// <summary>
/// The <c>LoginGuard.Erasure</c> meter: erasures of deleted accounts done, tried again, and waiting. An erasure that
/// waits is a learner whose data is still kept after they deleted their account: page when it does not go down.
/// </summary>
internal sealed class ErasureMetrics
{
    public const string MeterName = "LoginGuard.Erasure";

    private readonly Counter<long> done;
    private readonly Counter<long> retried;

    public ErasureMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        done = meter.CreateCounter<long>("loginguard.erasures.done", "{erasure}", "Erasures of deleted accounts carried out.");
        retried = meter.CreateCounter<long>("loginguard.erasures.retried", "{attempt}", "Erasures that failed, to be tried again after Erasure:RetryDelay.");
        meter.CreateObservableGauge(
            "loginguard.erasures.waiting",
            () => Waiting,
            "{erasure}",
            "Erasures of deleted accounts queued and not done yet, as the erasure worker last counted them.");
    }

    /// <summary>Refreshed by the worker after each round, so the gauge never waits on Redis.</summary>
    public long Waiting { get; set; }

    public void Done() => done.Add(1);

    public void Retried() => retried.Add(1);
}
