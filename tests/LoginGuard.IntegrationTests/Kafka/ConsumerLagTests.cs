using System.Diagnostics.Metrics;
using LoginGuard.Kafka;
using LoginGuard.Testing.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.IntegrationTests.Kafka;

public sealed class ConsumerLagTests(KafkaMockCluster cluster) : IClassFixture<KafkaMockCluster>, IDisposable
{
    private readonly string pickup = Directory.CreateTempSubdirectory("loginguard-lag-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    [Fact]
    public async Task Reports_the_events_waiting_in_each_partition_while_state_is_down_and_none_once_it_is_back()
    {
        var topics = KafkaTopics.Create(cluster);
        var messages = SampleMessage.FromSample(200);
        TopicClient.Publish(cluster, topics.Events, messages);
        var store = new ControllableBehaviorStore();
        store.GoDown();
        var settings = new Dictionary<string, string?> { ["Kafka:Consumer:statistics.interval.ms"] = "100" };

        await using var worker = await WorkerUnderTest.StartAsync(cluster, topics, pickup, store, settings: settings);
        var waiting = await LagAsync(worker, topics.Events, lag => lag.Count == topics.Partitions && lag.Values.Sum() == messages.Count);
        store.ComeBack();
        var drained = await LagAsync(worker, topics.Events, lag => lag.Count == topics.Partitions && lag.Values.All(v => v == 0));

        waiting.Values.Sum().Should().Be(messages.Count);
        drained.Values.Should().OnlyContain(v => v == 0);
    }

    /// <summary>Reads the gauge as an exporter would, until it satisfies <paramref name="enough"/> or 20 seconds pass.</summary>
    private static async Task<Dictionary<int, long>> LagAsync(WorkerUnderTest worker, string topic, Func<Dictionary<int, long>, bool> enough)
    {
        _ = worker.Services.GetRequiredService<KafkaLagMetrics>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var lag = new Dictionary<int, long>();
            using (var listener = new MeterListener())
            {
                listener.InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Name == "loginguard.kafka.consumer_lag")
                    {
                        l.EnableMeasurementEvents(instrument);
                    }
                };
                listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
                {
                    var tagged = tags.ToArray();
                    if (tagged.Any(t => t.Key == "topic" && (string?)t.Value == topic))
                    {
                        lag[(int)tagged.Single(t => t.Key == "partition").Value!] = value;
                    }
                });
                listener.Start();
                listener.RecordObservableInstruments();
            }

            if (enough(lag) || DateTime.UtcNow > deadline)
            {
                return lag;
            }

            await Task.Delay(100);
        }
    }
}
