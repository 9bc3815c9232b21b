using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;

namespace LoginGuard.Kafka;

/// <summary>
/// Meter <c>LoginGuard.Kafka</c>: how many events wait behind each assigned partition's stored offset, from
/// librdkafka's own statistics (<c>statistics.interval.ms</c>, 5 s unless set), so reading it costs no broker call.
/// </summary>
internal sealed class KafkaLagMetrics
{
    public const string MeterName = "LoginGuard.Kafka";

    private IReadOnlyList<Measurement<long>> latest = [];

    public KafkaLagMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge(
            "loginguard.kafka.consumer_lag",
            () => Volatile.Read(ref latest),
            "{event}",
            "Events in each assigned partition after the last offset stored as done, as of the last client statistics.");
    }

    /// <summary>Takes one statistics document from the consumer; partitions not assigned here, or with a lag not yet known, are left out.</summary>
    public void Observe(string statistics)
    {
        using var document = JsonDocument.Parse(statistics);
        var measurements = new List<Measurement<long>>();
        if (document.RootElement.TryGetProperty("topics", out var topics))
        {
            foreach (var topic in topics.EnumerateObject())
            {
                foreach (var partition in topic.Value.GetProperty("partitions").EnumerateObject())
                {
                    if (Lag(partition.Value) is { } lag && partition.Name != "-1")
                    {
                        measurements.Add(new(lag, new("topic", topic.Name), new("partition", int.Parse(partition.Name, CultureInfo.InvariantCulture))));
                    }
                }
            }
        }

        Volatile.Write(ref latest, measurements);
    }

    /// <summary>
    /// From the end of the partition (last stable offset) back to the offset stored as done, else the group's
    /// committed one, else the oldest retained event: a new group starts at the earliest event, and librdkafka's
    /// own consumer_lag stays unknown (-1) until something is stored, which is exactly when a stuck worker needs it.
    /// </summary>
    private static long? Lag(JsonElement partition)
    {
        var end = Offset(partition, "ls_offset") ?? Offset(partition, "hi_offset");
        var done = Offset(partition, "stored_offset") ?? Offset(partition, "committed_offset") ?? Offset(partition, "lo_offset");
        return end is { } last && done is { } from ? Math.Max(0, last - from) : null;
    }

    private static long? Offset(JsonElement partition, string name) =>
        partition.TryGetProperty(name, out var value) && value.GetInt64() >= 0 ? value.GetInt64() : null;
}
