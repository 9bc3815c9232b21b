using System.Text;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using LoginGuard.Testing;
using LoginGuard.Testing.Kafka;
using LoginGuard.Testing.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>The production pairing: the Kafka worker over the real Redis store, while redis-server goes away and comes back.</summary>
public sealed class KafkaRedisOutageTests(KafkaMockCluster cluster) : IClassFixture<KafkaMockCluster>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly SmtpTestServer smtp = SmtpTestServer.Start();
    private RedisServer redis = null!;
    private ConnectionMultiplexer connection = null!;

    public async Task InitializeAsync()
    {
        // Persistent, so restarting the process is an outage of the service, not a loss of its data.
        redis = await RedisServer.StartAsync(persistent: true);
        connection = RedisConnection.Connect(redis.Configuration + ",asyncTimeout=2000");
    }

    public async Task DisposeAsync()
    {
        await connection.DisposeAsync();
        await redis.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_redis_outage_pauses_consumption_and_resumes_without_losing_or_doubling_an_effect()
    {
        var topics = KafkaTopics.Create(cluster);
        var messages = SampleMessage.FromSample(1000);
        var owed = await Owed.ByReplayAsync(messages);
        var store = new RedisBehaviorStore(connection, new RedisKeys("kafka-outage:"), new StaticOptionsMonitor<StateOptions>(new StateOptions()));
        var log = new FakeLoggerProvider();
        TopicClient.Publish(cluster, topics.Events, messages.Take(300));

        await using var worker = await WorkerUnderTest.StartAsync(cluster, topics, smtp, store, log);
        await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => read.Count >= 100, Patience, settle: TimeSpan.Zero);
        redis.Stop();

        // The rest arrives during the outage: a batched worker may have finished the first part already.
        TopicClient.Publish(cluster, topics.Events, messages.Skip(300));
        await WaitUntilAsync(() => log.Collector.Saw(EventIds.KafkaPartitionPaused));
        await Task.Delay(TimeSpan.FromSeconds(1));
        await redis.RestartAsync();
        var decisions = Owed.Decode(await TopicClient.ReadAsync(
            cluster, topics.Decisions, topics.Partitions, read => Owed.Decode(read).Select(d => d.EventId).ToHashSet().IsSupersetOf(owed.DecidedEvents), Patience));
        await worker.StopAsync();

        log.Collector.Saw(EventIds.KafkaPartitionResumed).Should().BeTrue("consumption resumes once Redis is back");
        log.Collector.Saw(EventIds.KafkaEventParked).Should().BeFalse("an outage delays events past ParkAfterAttempts and parks none");
        decisions.Select(d => d.EventId).Distinct().Should().BeEquivalentTo(owed.DecidedEvents, "every event is decided");
        decisions.Where(d => !d.Duplicate).Select(d => d.EventId).Should().OnlyHaveUniqueItems("a redelivered event is published marked duplicate");
        var unknownUsers = messages.Where(m => Encoding.UTF8.GetString(m.Value).Contains("\"failureReason\":\"unknown_user\"", StringComparison.Ordinal)).Select(m => m.EventId).ToHashSet();
        unknownUsers.Should().NotBeEmpty("the sample holds credential stuffing, whose failures keep no decision");
        (await RecordedDecisionsAsync()).Should().Be(owed.DecidedEvents.Except(unknownUsers!).Count(), "each event's effects are recorded once");
        smtp.ShouldHaveReceivedEachOnce(owed.Mail);
        worker.Failure.Should().BeNull();
    }

    /// <summary>Decision keys (<c>{prefix}{u:learner}:d:eventId</c>): one per event of a known account whose effects were recorded.</summary>
    private async Task<int> RecordedDecisionsAsync() =>
        await connection.GetServers()[0].KeysAsync(pattern: "kafka-outage:{u:*}:d:*").CountAsync();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            clock.Elapsed.Should().BeLessThan(Patience, "the worker should get there");
            await Task.Delay(20);
        }
    }
}
