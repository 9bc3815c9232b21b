using System.Text;
using Confluent.Kafka;
using LoginGuard.Ingestion.Kafka;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Worker.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>Produce errors that no retry cures, given by the mock brokers to the worker's decisions.</summary>
public sealed class PermanentProduceErrorTests(KafkaMockCluster cluster) : IClassFixture<KafkaMockCluster>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string pickup = Directory.CreateTempSubdirectory("loginguard-produce-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    [Fact]
    public async Task A_decisions_topic_the_worker_may_not_write_stops_it_unready_instead_of_retrying_forever_and_loses_nothing()
    {
        var topics = KafkaTopics.Create(cluster);
        var messages = SampleMessage.FromSample(300);
        var owed = await Owed.ByReplayAsync(messages);
        TopicClient.Publish(cluster, topics.Events, messages);
        // One broker refuses once: the worker stops on that first refusal, so no fault is left over for the next one.
        var leader = cluster.Leaders(topics.Decisions)[0];
        cluster.FailNextRequest(leader, KafkaMockCluster.ApiKey.Produce, ErrorCode.TopicAuthorizationFailed);

        var store = new ControllableBehaviorStore();

        // The stopped member holds its partitions until its session times out.
        var settings = new Dictionary<string, string?>
        {
            ["Kafka:Consumer:session.timeout.ms"] = "3000",
            ["Kafka:Consumer:heartbeat.interval.ms"] = "500",
        };
        var first = await WorkerUnderTest.StartAsync(cluster, topics, pickup, store, settings: settings);
        var readiness = new KafkaHealthCheck(first.Services.GetRequiredService<KafkaFault>());
        await WaitUntilAsync(() => first.Failure is not null);
        var health = await readiness.CheckHealthAsync(new HealthCheckContext());
        await first.DisposeAsync();

        cluster.PendingFaults(leader, KafkaMockCluster.ApiKey.Produce).Should().Be(0, "the refusal was given");
        first.Failure.Should().BeOfType<KafkaException>().Which.Error.Code.Should().Be(ErrorCode.TopicAuthorizationFailed);
        health.Status.Should().Be(HealthStatus.Unhealthy);

        // Once the permission is granted, a new worker decides every event: the refused ones were never committed.
        await using var second = await WorkerUnderTest.StartAsync(cluster, topics, pickup, store, settings: settings);
        var decisions = Owed.Decode(await TopicClient.ReadAsync(
            cluster, topics.Decisions, topics.Partitions, read => Owed.Decode(read).Select(d => d.EventId).ToHashSet().IsSupersetOf(owed.DecidedEvents), Patience));
        await second.StopAsync();
        decisions.Select(d => d.EventId).ToHashSet().Should().BeEquivalentTo(owed.DecidedEvents);
        second.Failure.Should().BeNull();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            clock.Elapsed.Should().BeLessThan(Patience, "the worker should get there");
            await Task.Delay(20);
        }
    }

    private static string Header(ConsumeResult<byte[]?, byte[]?> result, string name) =>
        Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes(name));
}
