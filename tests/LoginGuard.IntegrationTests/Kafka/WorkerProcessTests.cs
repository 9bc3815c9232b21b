using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary><c>loginguard run</c> in its own process, as a supervisor starts and stops it.</summary>
public sealed class WorkerProcessTests(KafkaMockCluster cluster) : IClassFixture<KafkaMockCluster>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string pickup = Directory.CreateTempSubdirectory("loginguard-process-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    [Fact]
    public async Task A_worker_stopped_with_SIGTERM_finishes_its_events_and_exits_zero_without_an_error()
    {
        var topics = KafkaTopics.Create(cluster);
        var messages = SampleMessage.FromSample(300);
        var owed = await Owed.ByReplayAsync(messages);
        TopicClient.Publish(cluster, topics.Events, messages);

        using var worker = WorkerProcess.Start(Settings(topics));
        var decisions = Owed.Decode(await TopicClient.ReadAsync(
            cluster, topics.Decisions, topics.Partitions, read => Owed.Decode(read).Select(d => d.EventId).ToHashSet().IsSupersetOf(owed.DecidedEvents), Patience));
        worker.Terminate();
        var exitCode = await worker.WaitForExitAsync(Patience);

        decisions.Select(d => d.EventId).ToHashSet().Should().BeEquivalentTo(owed.DecidedEvents);
        exitCode.Should().Be(0, "a stop asked for is no failure; the worker said:\n" + string.Join('\n', worker.Output));
        worker.Output.Should().NotContain(line => line.Contains("Exception", StringComparison.Ordinal));
    }

    private Dictionary<string, string?> Settings(KafkaTopics topics)
    {
        var settings = topics.WorkerSettings(cluster, pickup);
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Privacy:HashKey"] = Convert.ToBase64String("loginguard-tests-hash-key-32-byte"u8);
        return settings;
    }
}
