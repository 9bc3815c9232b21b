using System.Globalization;
using System.Text;
using LoginGuard.IntegrationTests.Privacy;
using LoginGuard.Privacy;
using LoginGuard.Testing;
using LoginGuard.Testing.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>An account deletion among other learners' events, all in one lane, while a store of learner data is slow to forget.</summary>
public sealed class ErasureLaneTests(KafkaMockCluster cluster) : IClassFixture<KafkaMockCluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_lane_keeps_deciding_other_learners_events_while_a_deleted_accounts_erasure_is_slow()
    {
        var topics = KafkaTopics.Create(cluster, partitions: 1);
        var slow = new StuckLearnerData { Blocks = true };
        var messages = new List<SampleMessage>
        {
            Message("evt-zoe-1", "login.succeeded", "zoe", minutesAgo: 30),
            Message("evt-zoe-deleted", "account.deleted", "zoe", minutesAgo: 20),
        };
        messages.AddRange(Enumerable.Range(0, 20).Select(i => Message($"evt-other-{i}", "login.succeeded", $"learner-{i}", minutesAgo: 10)));
        TopicClient.Publish(cluster, topics.Events, messages);
        var pickup = Directory.CreateTempSubdirectory("loginguard-erasure-lane-").FullName;

        try
        {
            await using var worker = await WorkerUnderTest.StartAsync(
                cluster, topics, pickup, new ControllableBehaviorStore(), settings: new Dictionary<string, string?> { ["Kafka:Lanes"] = "1" }, services: s => s.AddSingleton<ILearnerData>(slow));
            var decided = Owed.Decode(await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => read.Count >= messages.Count, Patience));

            decided.Select(d => d.EventId).Should().BeEquivalentTo(messages.Select(m => m.EventId), "every learner after the deletion was decided in the same lane");
            slow.Reached.Task.IsCompleted.Should().BeTrue("the deleted account's erasure has begun");
            slow.Forgot.Task.IsCompleted.Should().BeFalse("and is still waiting on the slow store");
            slow.Release();
            await slow.Forgot.Task.WaitAsync(Patience);
            worker.Failure.Should().BeNull();
        }
        finally
        {
            slow.Release();
            Directory.Delete(pickup, recursive: true);
        }
    }

    private static SampleMessage Message(string eventId, string type, string user, int minutesAgo)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new SampleMessage(Encoding.UTF8.GetBytes(user), Encoding.UTF8.GetBytes(AuthEvents.Of(eventId, type, at, user)), eventId);
    }
}
