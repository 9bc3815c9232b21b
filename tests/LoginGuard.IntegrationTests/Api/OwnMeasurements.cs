using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>Every measurement of LoginGuard's instruments made by one host's meters (its <see cref="IMeterFactory"/>), none of another's.</summary>
internal sealed class OwnMeasurements : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> measurements = new();

    public OwnMeasurements(IServiceProvider host)
    {
        var factory = host.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name.StartsWith("loginguard.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        listener.Start();
    }

    public double Sum(string instrument, (string Key, string Value) tag) =>
        measurements.Where(m => m.Instrument == instrument && m.Tags.Any(t => t.Key == tag.Key && (string?)t.Value == tag.Value)).Sum(m => m.Value);

    public int Count(string instrument) => measurements.Count(m => m.Instrument == instrument);

    public void Dispose() => listener.Dispose();
}
