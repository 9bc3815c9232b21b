using System.Diagnostics;
using System.Diagnostics.Metrics;
using LoginGuard.Contracts;

namespace LoginGuard.Pipeline;

/// <summary>Meter <c>LoginGuard.Pipeline</c>: decided events by type and risk level, and how long deciding one took.</summary>
internal sealed class PipelineMetrics
{
    public const string MeterName = "LoginGuard.Pipeline";

    private readonly Counter<long> events;
    private readonly Histogram<double> latency;

    public PipelineMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        events = meter.CreateCounter<long>("loginguard.pipeline.events", "{event}", "Events decided for the first time, by type and risk level.");
        latency = meter.CreateHistogram<double>(
            "loginguard.pipeline.duration",
            "s",
            "From the wire message to the recorded decision, alerts queued and activity written.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
    }

    public long Start() => Stopwatch.GetTimestamp();

    public void Decided(Decision decision, long started)
    {
        var type = new KeyValuePair<string, object?>("type", decision.Type.ToWireName());
        events.Add(1, type, new("level", decision.RiskLevel.ToWireName()));
        latency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, type);
    }
}
