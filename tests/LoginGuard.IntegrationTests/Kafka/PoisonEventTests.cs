using System.Text;
using Confluent.Kafka;
using LoginGuard.Enrichment;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Kafka;
using LoginGuard.State;
using LoginGuard.Testing;
using LoginGuard.Testing.Kafka;
using LoginGuard.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>Events that fail the same way on every try, among events that go through: the worker over real Redis.</summary>
public sealed class PoisonEventTests : IClassFixture<KafkaMockCluster>, IClassFixture<RedisFixture>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly KafkaMockCluster cluster;
    private readonly RedisFixture redis;
    private readonly string prefix = RedisFixture.NewPrefix();
    private readonly string pickup = Directory.CreateTempSubdirectory("loginguard-poison-").FullName;

    public PoisonEventTests(KafkaMockCluster cluster, RedisFixture redis)
    {
        this.cluster = cluster;
        this.redis = redis;
    }

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    [Fact]
    public async Task A_learner_whose_stored_history_is_corrupt_has_their_events_parked_while_everyone_elses_are_decided()
    {
        var topics = KafkaTopics.Create(cluster);
        var messages = SampleMessage.FromSample(800);
        var owed = await Owed.ByReplayAsync(messages);
        var victim = messages.Where(m => m.Key is not null && m.EventId is not null && owed.DecidedEvents.Contains(m.EventId))
            .GroupBy(m => Encoding.UTF8.GetString(m.Key!)).MaxBy(g => g.Count())!;
        var victimEvents = victim.Select(m => m.EventId!).ToHashSet(StringComparer.Ordinal);
        var log = new FakeLoggerProvider();
        var store = new RedisBehaviorStore(redis.Connection, new RedisKeys(prefix), new StaticOptionsMonitor<StateOptions>(new StateOptions()));
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Server.Configuration,
            ["Redis:KeyPrefix"] = prefix,
        };

        await using var worker = await WorkerUnderTest.StartAsync(cluster, topics, pickup, store, log, settings);

        // A history in a format no LoginGuard writes: reading it throws on every attempt.
        var learner = worker.Services.GetRequiredService<StateKeyMaker>().Learner(victim.Key);
        await redis.Connection.GetDatabase().StringSetAsync(new RedisKeys(prefix).LearnerState(learner), new byte[] { 0xEE, 1, 2, 3 });
        TopicClient.Publish(cluster, topics.Events, messages);
        var expected = owed.DecidedEvents.Except(victimEvents).ToHashSet(StringComparer.Ordinal);
        var decisions = Owed.Decode(await TopicClient.ReadAsync(
            cluster, topics.Decisions, topics.Partitions, read => Owed.Decode(read).Select(d => d.EventId).ToHashSet().IsSupersetOf(expected), Patience));
        var parked = await TopicClient.ReadAsync(cluster, topics.Parked, topics.Partitions, read => read.Count >= victimEvents.Count, Patience);
        await worker.StopAsync();

        decisions.Select(d => d.EventId).ToHashSet().Should().BeEquivalentTo(expected, "every other learner's events are decided");
        parked.Select(p => SampleMessage.FromLine(Encoding.UTF8.GetString(p.Message.Value!)).EventId).Should().BeEquivalentTo(victimEvents, "each of the learner's events is parked once");
        parked.Should().AllSatisfy(p =>
        {
            Header(p, ParkingPublisher.ReasonHeader).Should().Be(ParkingPublisher.ProcessingFailed);
            Header(p, ParkingPublisher.DetailHeader).Should().MatchRegex("^[A-Za-z.]*Exception: ", "the detail names the failure");
            Header(p, SourceCopyProducer.SourceTopicHeader).Should().Be(topics.Events);
            int.Parse(Header(p, ParkingPublisher.AttemptsHeader), System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(5);
        });
        log.Collector.Count(EventIds.KafkaEventParked).Should().Be(victimEvents.Count, "each parked event is logged");
        worker.Failure.Should().BeNull();
    }

    private static string Header(ConsumeResult<byte[]?, byte[]?> result, string name) =>
        Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes(name));
}
