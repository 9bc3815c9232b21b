using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using LoginGuard.Kafka;
using LoginGuard.Testing.Kafka;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>A platform's tracing follows a sign-in through LoginGuard: from the event's trace context to its decision's.</summary>
public sealed class TraceContextTests(KafkaMockCluster cluster) : IClassFixture<KafkaMockCluster>, IDisposable
{
    private readonly string pickup = Directory.CreateTempSubdirectory("loginguard-trace-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    [Fact]
    public async Task Each_event_gets_a_span_under_its_producers_and_its_decision_carries_that_span_on()
    {
        var producerTrace = ActivityTraceId.CreateRandom();
        var producerSpan = ActivitySpanId.CreateRandom();
        var spans = new ConcurrentBag<System.Diagnostics.Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EventTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span => { if (span.TraceId == producerTrace) spans.Add(span); },
        };
        ActivitySource.AddActivityListener(listener);
        var topics = KafkaTopics.Create(cluster);
        var messages = SampleMessage.FromSample(3).Select(m => m with
        {
            Headers = new Headers { { EventTracing.TraceParentHeader, Encoding.ASCII.GetBytes($"00-{producerTrace.ToHexString()}-{producerSpan.ToHexString()}-01") } },
        }).ToList();
        TopicClient.Publish(cluster, topics.Events, messages);

        await using var worker = await WorkerUnderTest.StartAsync(cluster, topics, pickup, new ControllableBehaviorStore());
        var decisions = await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => read.Count >= 3, TimeSpan.FromSeconds(30));
        await worker.StopAsync();

        decisions.Should().HaveCount(3);
        spans.Should().HaveCount(3).And.OnlyContain(s => s.ParentSpanId == producerSpan && s.Kind == ActivityKind.Consumer);
        var carried = decisions.Select(d => Encoding.ASCII.GetString(d.Message.Headers.GetLastBytes(EventTracing.TraceParentHeader))).ToList();
        carried.Should().OnlyContain(t => t.StartsWith($"00-{producerTrace.ToHexString()}-", StringComparison.Ordinal));
        carried.Select(t => t.Split('-')[2]).Should().BeEquivalentTo(spans.Select(s => s.SpanId.ToHexString()), "each decision names its own event's span");
    }
}
