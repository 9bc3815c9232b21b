using System.Text;
using Confluent.Kafka;
using LoginGuard.Kafka;
using LoginGuard.Testing;
using LoginGuard.Testing.Kafka;
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
    public async Task A_decision_over_the_producers_size_limit_parks_its_event_and_the_rest_are_decided()
    {
        var topics = KafkaTopics.Create(cluster);
        var messages = SampleMessage.FromSample(int.MaxValue);
        var owed = await Owed.ByReplayAsync(messages);
        TopicClient.Publish(cluster, topics.Events, messages);

        // librdkafka's smallest limit: the few decisions with many reasons and much context (up to 1,272 bytes in the
        // sample) do not fit, and Produce refuses them itself, synchronously.
        var settings = new Dictionary<string, string?> { ["Kafka:Producer:message.max.bytes"] = "1000" };
        await using var worker = await WorkerUnderTest.StartAsync(cluster, topics, pickup, new ControllableBehaviorStore(), settings: settings);
        var (decided, parked, parkedIds) = await ReadDecidedAndParkedAsync(topics, messages.Count, owed);
        await worker.StopAsync();

        var decidedIds = Owed.Decode(decided).Select(d => d.EventId).ToList();
        parked.Should().NotBeEmpty().And.AllSatisfy(p =>
        {
            Header(p, ParkingPublisher.ReasonHeader).Should().Be(ParkingPublisher.PublishRefused);
            Header(p, ParkingPublisher.DetailHeader).Should().StartWith(nameof(ErrorCode.MsgSizeTooLarge));
            p.Message.Value!.Length.Should().BeLessThan(1000, "the parked copy is cut to fit too");
        });
        parkedIds.Should().OnlyHaveUniqueItems().And.NotIntersectWith(decidedIds, "a refused decision was not written");
        Owed.Decode(decided).Where(d => !d.Duplicate).Select(d => d.EventId).Should().OnlyHaveUniqueItems();
        var accounted = decidedIds.Concat(parkedIds).ToHashSet();
        owed.DecidedEvents.Except(accounted).Should().BeEmpty("every event is decided or parked");
        accounted.Except(owed.DecidedEvents).Should().BeEmpty();
        worker.Failure.Should().BeNull();
    }

    [Fact]
    public async Task An_event_its_producer_sent_twice_is_parked_once_when_its_decision_is_too_large_even_across_a_restart()
    {
        var topics = KafkaTopics.Create(cluster);
        var store = new ControllableBehaviorStore();
        var settings = new Dictionary<string, string?>
        {
            ["Kafka:Producer:message.max.bytes"] = "1000",

            // The group waits for the stopped member's session to time out before the restarted one gets its partitions.
            ["Kafka:Consumer:session.timeout.ms"] = "3000",
            ["Kafka:Consumer:heartbeat.interval.ms"] = "500",
        };

        // The longest ids the parser takes, and the longest trace state W3C allows, which the decision carries on: its
        // message is over 1,000 bytes whatever the rules find. The parked copy carries neither header and is cut to fit.
        var user = "usr_" + new string('a', 124);
        var tooLarge = SampleMessage.FromLine(AuthEvents.Of("evt_" + new string('b', 124), "login.succeeded", "2026-10-04T08:00:00Z", user)) with
        {
            Headers = new Headers
            {
                { EventTracing.TraceParentHeader, Encoding.ASCII.GetBytes("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01") },
                { EventTracing.TraceStateHeader, Encoding.ASCII.GetBytes($"a={new string('t', 250)},b={new string('t', 250)}") },
            },
        };
        SampleMessage Other(string id) => SampleMessage.FromLine(AuthEvents.Of(id, "login.succeeded", "2026-10-04T09:00:00Z"));

        // Twice in a row (one batch, or the first still on its way), then again once the first is parked, then again after a restart.
        var first = await WorkerUnderTest.StartAsync(cluster, topics, pickup, store, settings: settings);
        TopicClient.Publish(cluster, topics.Events, [tooLarge, tooLarge, Other("evt_other_1")]);
        await TopicClient.ReadAsync(cluster, topics.Parked, topics.Partitions, read => read.Count > 0, Patience);
        TopicClient.Publish(cluster, topics.Events, [tooLarge, Other("evt_other_2")]);
        await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => Owed.Decode(read).Any(d => d.EventId == "evt_other_2"), Patience);
        await first.StopAsync();
        await first.DisposeAsync();
        await using var second = await WorkerUnderTest.StartAsync(cluster, topics, pickup, store, settings: settings);
        TopicClient.Publish(cluster, topics.Events, [tooLarge, Other("evt_other_3")]);
        var decided = Owed.Decode(await TopicClient.ReadAsync(
            cluster, topics.Decisions, topics.Partitions, read => Owed.Decode(read).Any(d => d.EventId == "evt_other_3"), Patience));
        await second.StopAsync();
        var parked = await TopicClient.ReadAsync(cluster, topics.Parked, topics.Partitions, read => read.Count > 0, Patience, settle: TimeSpan.FromSeconds(1));

        var copy = parked.Should().ContainSingle("the three later copies are of an event already parked").Subject;
        Header(copy, ParkingPublisher.ReasonHeader).Should().Be(ParkingPublisher.PublishRefused);
        Header(copy, SourceCopyProducer.SourceOffsetHeader).Should().Be("0", "the first copy is the one parked");
        decided.Where(d => !d.Duplicate).Select(d => d.EventId).Should().BeEquivalentTo(
            ["evt_other_1", "evt_other_2", "evt_other_3"], "the rest are decided, and the refused decision was never written");
        first.Failure.Should().BeNull();
        second.Failure.Should().BeNull();
    }

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

    [Fact]
    public async Task Decisions_the_broker_refuses_as_too_large_park_their_events_and_the_rest_are_decided()
    {
        var topics = KafkaTopics.Create(cluster);
        var sample = SampleMessage.FromSample(600);

        // Events only: a dead letter that met the refusal would be sent again without its body, never parked, and leave
        // this test nothing to see (the sample's sixth line is not an event, so its dead letter is among the first sent).
        var decidable = (await Owed.ByReplayAsync(sample)).DecidedEvents;
        var messages = sample.Where(m => m.EventId is { } id && decidable.Contains(id)).ToList();
        var owed = await Owed.ByReplayAsync(messages);
        TopicClient.Publish(cluster, topics.Events, messages);

        // A broker whose limit is below the producer's (a topic's max.message.bytes lowered): it refuses a whole request.
        var leader = cluster.Leaders(topics.Decisions)[0];
        cluster.FailNextRequest(leader, KafkaMockCluster.ApiKey.Produce, ErrorCode.MsgSizeTooLarge);
        await using var worker = await WorkerUnderTest.StartAsync(cluster, topics, pickup, new ControllableBehaviorStore());
        var (decided, parked, parkedIds) = await ReadDecidedAndParkedAsync(topics, messages.Count, owed);
        await worker.StopAsync();

        cluster.PendingFaults(leader, KafkaMockCluster.ApiKey.Produce).Should().Be(0, "the refusal was given");
        parked.Should().NotBeEmpty().And.AllSatisfy(p => Header(p, ParkingPublisher.ReasonHeader).Should().Be(ParkingPublisher.PublishRefused));
        var accounted = Owed.Decode(decided).Select(d => d.EventId).Concat(parkedIds).ToHashSet();
        owed.DecidedEvents.Except(accounted).Should().BeEmpty("every event is decided or parked");
        worker.Failure.Should().BeNull();
    }

    /// <summary>
    /// Reads the decisions and the parked events until every owed event is on one or the other, or patience runs out. A
    /// parked copy carries its source partition and offset, which name its event.
    /// </summary>
    private async Task<(List<ConsumeResult<byte[]?, byte[]?>> Decided, List<ConsumeResult<byte[]?, byte[]?>> Parked, List<string> ParkedIds)> ReadDecidedAndParkedAsync(
        KafkaTopics topics, int published, Owed owed)
    {
        var events = (await TopicClient.ReadAsync(cluster, topics.Events, topics.Partitions, read => read.Count >= published, Patience))
            .ToDictionary(e => (e.Partition.Value, e.Offset.Value), e => SampleMessage.FromLine(Encoding.UTF8.GetString(e.Message.Value!)).EventId);
        List<string> ParkedIds(IEnumerable<ConsumeResult<byte[]?, byte[]?>> parked) => [.. parked.Select(p =>
            events[(int.Parse(Header(p, SourceCopyProducer.SourcePartitionHeader)), long.Parse(Header(p, SourceCopyProducer.SourceOffsetHeader)))]!)];
        List<ConsumeResult<byte[]?, byte[]?>> parked = [], decided = [];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!Owed.Decode(decided).Select(d => d.EventId).Concat(ParkedIds(parked)).ToHashSet().IsSupersetOf(owed.DecidedEvents) && clock.Elapsed < Patience)
        {
            parked = await TopicClient.ReadAsync(cluster, topics.Parked, topics.Partitions, read => read.Count > 0, TimeSpan.FromSeconds(5));
            decided = await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => read.Count > 0, Patience);
        }

        return (decided, parked, ParkedIds(parked));
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
