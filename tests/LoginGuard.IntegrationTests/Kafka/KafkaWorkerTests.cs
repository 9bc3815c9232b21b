using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using LoginGuard.Alerts;
using LoginGuard.Alerts.Content;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Kafka;
using LoginGuard.Testing.Kafka;
using LoginGuard.Testing.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>The run worker against a three-broker cluster speaking the Kafka protocol, one fresh set of topics per test.</summary>
public sealed class KafkaWorkerTests(KafkaMockCluster cluster) : IClassFixture<KafkaMockCluster>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Mail is counted where a learner would see it: a mail sent twice arrives twice.
    private readonly SmtpTestServer smtp = SmtpTestServer.Start();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => smtp.DisposeAsync().AsTask();

    [Fact]
    public async Task Publishes_one_decision_per_event_mails_learners_and_dead_letters_bad_messages_with_their_source()
    {
        var topics = KafkaTopics.Create(cluster);
        var bad = new[] { "not json at all", "[1,2,3]", """{"eventId":"e-bad","type":"login.succeeded","occurredAt":"2026-10-01T00:00:00Z","userId":"u-bad","ip":"1"}""" }
            .Select(SampleMessage.FromLine);
        var messages = SampleMessage.FromSample(1500).Concat(bad).ToList();
        var owed = await Owed.ByReplayAsync(messages);
        TopicClient.Publish(cluster, topics.Events, messages);

        await using var worker = await WorkerUnderTest.StartAsync(cluster, topics, smtp, new ControllableBehaviorStore());
        var decisions = Owed.Decode(await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => read.Count >= owed.Decisions.Count, Patience));
        var deadLetters = await TopicClient.ReadAsync(cluster, topics.DeadLetters, topics.Partitions, read => read.Count >= owed.DeadLetterReasons.Count, Patience);
        await worker.StopAsync();

        decisions.Select(d => d.EventId).Order(StringComparer.Ordinal).Should().Equal(owed.Decisions.Select(d => d.EventId).Order(StringComparer.Ordinal));
        decisions.Where(d => !d.Duplicate).Select(d => d.EventId).Should().OnlyHaveUniqueItems();
        deadLetters.Select(d => Header(d, DeadLetterPublisher.ReasonHeader)).Order(StringComparer.Ordinal).Should().Equal(owed.DeadLetterReasons.Order(StringComparer.Ordinal));
        deadLetters.Should().AllSatisfy(d => Header(d, DeadLetterPublisher.SourceTopicHeader).Should().Be(topics.Events));
        deadLetters.Select(d => d.Message.Value).Should().ContainEquivalentOf(Encoding.UTF8.GetBytes("not json at all"));
        var sources = deadLetters.Select(d => (int.Parse(Header(d, DeadLetterPublisher.SourcePartitionHeader)), long.Parse(Header(d, DeadLetterPublisher.SourceOffsetHeader))));
        sources.Should().OnlyHaveUniqueItems();
        owed.Mail.Should().NotBeEmpty();
        smtp.ShouldHaveReceivedEachOnce(owed.Mail);
        smtp.Received.Select(m => m.Headers[AlertMessageBuilder.EventIdHeader]).Where(id => !owed.DecidedEvents.Contains(id ?? "")).Should().BeEmpty("every mail is about a decided event");
        worker.Failure.Should().BeNull();
    }

    [Fact]
    public async Task A_worker_that_dies_mid_stream_is_replaced_without_losing_or_doubling_an_effect()
    {
        // One state store and one outbox for both workers, as Redis would be: the restarted worker must recognise what
        // the dead one did, and send the new-device summaries it was holding and the mail it had claimed when it died,
        // once that claim's lease (short here) runs out.
        var topics = KafkaTopics.Create(cluster);
        var messages = SampleMessage.FromSample(2000);
        var owed = await Owed.ByReplayAsync(messages);
        TopicClient.Publish(cluster, topics.Events, messages);
        var store = new ControllableBehaviorStore { Latency = TimeSpan.FromMilliseconds(1) };
        var outbox = new InMemoryOutboxStore(
            Options.Create(new AlertOutboxOptions { Lease = TimeSpan.FromSeconds(2) }),
            Options.Create(new AlertThrottleOptions()),
            Options.Create(new SuspiciousActivityOptions()),
            TimeProvider.System);
        var lanes = new Dictionary<string, string?>
        {
            ["Kafka:Lanes"] = "4",

            // The dead member holds its partitions until its session times out.
            ["Kafka:Consumer:session.timeout.ms"] = "3000",
            ["Kafka:Consumer:heartbeat.interval.ms"] = "500",
        };

        var first = await WorkerUnderTest.StartAsync(cluster, topics, smtp, store, settings: lanes, outbox: outbox);
        var beforeCrash = await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => read.Count >= 400, Patience, settle: TimeSpan.Zero);
        await first.CrashAsync();
        await first.DisposeAsync();
        var publishedByTheDead = Owed.Decode(await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => read.Count >= beforeCrash.Count, Patience))
            .Select(d => d.EventId).ToHashSet();

        await using var second = await WorkerUnderTest.StartAsync(cluster, topics, smtp, store, settings: lanes, outbox: outbox);
        var decisions = Owed.Decode(await TopicClient.ReadAsync(
            cluster, topics.Decisions, topics.Partitions, read => Owed.Decode(read).Select(d => d.EventId).ToHashSet().IsSupersetOf(owed.DecidedEvents), Patience));
        var waited = Stopwatch.StartNew();
        while (!smtp.Arrivals.ToHashSet().IsSupersetOf(owed.Mail) && waited.Elapsed < Patience)
        {
            await Task.Delay(200);
        }

        await second.StopAsync();

        beforeCrash.Count.Should().BeLessThan(owed.Decisions.Count, "the first worker died mid-stream");
        AssertEffectsOnce(store, owed, decisions, inFlightAtCrash: publishedByTheDead);
    }

    [Fact]
    public async Task A_broker_outage_and_failing_commits_lose_and_double_nothing()
    {
        var (topics, owed, store) = await PublishSampleAsync(2000);

        // A known coordinator, so the commit faults can be given to it and counted: a fault no commit met tests nothing.
        // Given before the worker starts, so a fast worker cannot have committed its last offsets before they arrive.
        const int coordinator = 1;
        cluster.SetGroupCoordinator(topics.Group, coordinator);
        foreach (var error in new[] { ErrorCode.RequestTimedOut, ErrorCode.GroupCoordinatorNotAvailable, ErrorCode.NotCoordinatorForGroup })
        {
            cluster.FailNextRequest(coordinator, KafkaMockCluster.ApiKey.OffsetCommit, error);
        }

        await using var worker = await WorkerUnderTest.StartAsync(cluster, topics, smtp, store, settings: new Dictionary<string, string?> { ["Kafka:Lanes"] = "4" });
        await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => read.Count >= 300, Patience, settle: TimeSpan.Zero);
        cluster.SetBrokerDown(2);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        cluster.SetBrokerUp(2);
        var decisions = await ReadEveryDecisionAsync(topics, owed);
        await worker.StopAsync();

        // No failed commit reaches the worker's log here (librdkafka recovers from these retriable errors before a
        // commit's outcome is reported), so that each fault was met is what shows they fired. KilledWorkerTests
        // fails every commit until a kill and sees the worker say so.
        cluster.PendingFaults(coordinator, KafkaMockCluster.ApiKey.OffsetCommit).Should().Be(0, "every commit fault met one of the worker's commits");
        AssertEffectsOnce(store, owed, decisions);
        worker.Failure.Should().BeNull();
    }

    [Fact]
    public async Task Produce_requests_that_fail_or_time_out_lose_and_double_nothing()
    {
        var (topics, owed, store) = await PublishSampleAsync(2000);
        var settings = new Dictionary<string, string?>
        {
            ["Kafka:Lanes"] = "4",

            // With requests pipelined the mock itself loses or doubles a batch around a fault, since it checks no sequence
            // numbers (MockClusterProduceFaultTests); one request in flight keeps every fault below faithful.
            ["Kafka:Producer:max.in.flight.requests.per.connection"] = "1",

            // Short enough for a test, and long enough that an answered request never times out on a loaded machine:
            // the mock would write its retry a second time.
            ["Kafka:Producer:socket.timeout.ms"] = "5000",
        };

        // Given before the worker starts, so a fast worker cannot finish a broker's partitions before its faults arrive;
        // each retry of a failed request is the broker's next request and meets the next fault.
        var leaders = cluster.Leaders(topics.Decisions).Values.Distinct().ToList();
        foreach (var broker in leaders)
        {
            cluster.FailNextRequest(broker, KafkaMockCluster.ApiKey.Produce, ErrorCode.NotEnoughReplicas);
            cluster.FailNextRequest(broker, KafkaMockCluster.ApiKey.Produce, ErrorCode.RequestTimedOut);

            // Answered after the producer gave up on it: a request that timed out on the worker's side, its fate unknown to it.
            cluster.FailNextRequest(broker, KafkaMockCluster.ApiKey.Produce, ErrorCode.RequestTimedOut, answerAfter: TimeSpan.FromSeconds(10));
            cluster.FailNextRequest(broker, KafkaMockCluster.ApiKey.Produce, ErrorCode.NotLeaderForPartition);
        }

        await using var worker = await WorkerUnderTest.StartAsync(cluster, topics, smtp, store, settings: settings);
        var decisions = await ReadEveryDecisionAsync(topics, owed);
        var deadLetters = await TopicClient.ReadAsync(cluster, topics.DeadLetters, topics.Partitions, read => read.Count >= owed.DeadLetterReasons.Count, Patience);
        await worker.StopAsync();

        leaders.Should().AllSatisfy(broker => cluster.PendingFaults(broker, KafkaMockCluster.ApiKey.Produce).Should().Be(0, "every fault met one of the worker's requests"));
        AssertEffectsOnce(store, owed, decisions);
        deadLetters.Select(d => Header(d, DeadLetterPublisher.ReasonHeader)).Order(StringComparer.Ordinal)
            .Should().Equal(owed.DeadLetterReasons.Order(StringComparer.Ordinal), "the faults fall on dead letters too");
        worker.Failure.Should().BeNull();
    }

    private async Task<(KafkaTopics Topics, Owed Owed, ControllableBehaviorStore Store)> PublishSampleAsync(int count)
    {
        var topics = KafkaTopics.Create(cluster);
        var messages = SampleMessage.FromSample(count);
        var owed = await Owed.ByReplayAsync(messages);
        TopicClient.Publish(cluster, topics.Events, messages);
        return (topics, owed, new ControllableBehaviorStore { Latency = TimeSpan.FromMilliseconds(1) });
    }

    private async Task<List<Decision>> ReadEveryDecisionAsync(KafkaTopics topics, Owed owed) =>
        Owed.Decode(await TopicClient.ReadAsync(
            cluster, topics.Decisions, topics.Partitions, read => Owed.Decode(read).Select(d => d.EventId).ToHashSet().IsSupersetOf(owed.DecidedEvents), Patience));

    [Fact]
    public async Task Two_workers_in_one_group_split_the_partitions_and_together_decide_every_event_once()
    {
        var topics = KafkaTopics.Create(cluster);
        var messages = SampleMessage.FromSample(1500);
        var owed = await Owed.ByReplayAsync(messages);
        var shared = new ControllableBehaviorStore();
        var (firstStore, secondStore) = (new ControllableBehaviorStore(shared), new ControllableBehaviorStore(shared));
        var (firstLog, secondLog) = (new FakeLoggerProvider(), new FakeLoggerProvider());
        var protocol = new Dictionary<string, string?> { ["Kafka:GroupProtocol"] = "Consumer" };

        await using var first = await WorkerUnderTest.StartAsync(cluster, topics, smtp, firstStore, firstLog, protocol);
        await using var second = await WorkerUnderTest.StartAsync(cluster, topics, smtp, secondStore, secondLog, protocol);
        await WaitUntilAsync(() => firstLog.Collector.OwnedPartitions().Count == 2 && secondLog.Collector.OwnedPartitions().Count == 2);
        TopicClient.Publish(cluster, topics.Events, messages);
        var decisions = Owed.Decode(await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => read.Count >= owed.Decisions.Count, Patience));

        firstLog.Collector.OwnedPartitions().Should().NotIntersectWith(secondLog.Collector.OwnedPartitions());
        (firstStore.Loads, secondStore.Loads).Should().Match<(int First, int Second)>(loads => loads.First > 0 && loads.Second > 0, "each worker decides the events of its partitions");
        await first.StopAsync();
        await second.StopAsync();
        AssertEffectsOnce(shared, owed, decisions);
    }

    [Fact]
    public async Task An_outage_of_the_state_store_pauses_consumption_and_resumes_without_loss()
    {
        var topics = KafkaTopics.Create(cluster);
        var messages = SampleMessage.FromSample(1000);
        var owed = await Owed.ByReplayAsync(messages);
        TopicClient.Publish(cluster, topics.Events, messages);
        var store = new ControllableBehaviorStore();
        var log = new FakeLoggerProvider();

        store.GoDown();
        await using var worker = await WorkerUnderTest.StartAsync(cluster, topics, smtp, store, log);
        await WaitUntilAsync(() => log.Collector.Saw(EventIds.KafkaPartitionPaused));
        var failedWhilePaused = store.FailedCalls;
        await Task.Delay(TimeSpan.FromSeconds(1));
        store.ComeBack();
        var decisions = Owed.Decode(await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => read.Count >= owed.Decisions.Count, Patience));
        await worker.StopAsync();

        failedWhilePaused.Should().BePositive();
        log.Collector.Saw(EventIds.KafkaPartitionResumed).Should().BeTrue();
        log.Collector.Saw(EventIds.KafkaEventParked).Should().BeFalse("an outage delays events past ParkAfterAttempts and parks none");
        AssertEffectsOnce(store, owed, decisions);
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

    /// <param name="inFlightAtCrash">
    /// What a dead worker had published: the cluster may have taken some of it without the worker learning so, and those
    /// may go out a second time unmarked (docs/events.md, "What duplicate promises"); nothing else may.
    /// </param>
    private void AssertEffectsOnce(ControllableBehaviorStore store, Owed owed, IReadOnlyList<Decision> decisions, IReadOnlySet<string>? inFlightAtCrash = null)
    {
        owed.ShouldBeDecidedOnce(decisions, inFlightAtCrash ?? new HashSet<string>(), "only a decision the cluster took as its worker died goes out unmarked twice");
        store.StateChanges.Keys.Order(StringComparer.Ordinal).Should().Equal(owed.DecidedEvents.Order(StringComparer.Ordinal));
        store.StateChanges.Values.Should().AllSatisfy(count => count.Should().Be(1, "a redelivered event changes no state"));
        smtp.ShouldHaveReceivedEachOnce(owed.Mail);
    }

    private static string Header(ConsumeResult<byte[]?, byte[]?> result, string name) =>
        Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes(name));
}
