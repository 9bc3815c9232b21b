using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Testing.Hosting;
using LoginGuard.Testing.Kafka;

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

    public static TheoryData<string, string?, string, string> MissingSafeguards => new()
    {
        { "Privacy:HashKey", null, "Privacy:HashKey: run needs a secret key", "Privacy__HashKey" },
        { "Privacy:HashKey", Convert.ToBase64String("LoginGuard development hash key: not a secret"u8), "Privacy:HashKey: is the public development key", "Privacy__HashKey" },
        { "Redis:Configuration", null, "Redis:Configuration: run needs Redis", "Redis__Configuration" },
    };

    [Theory]
    [MemberData(nameof(MissingSafeguards))]
    public async Task Run_refuses_to_start_without_a_secret_hash_key_or_Redis_and_says_which_setting_in_one_line(string setting, string? value, string line, string fix)
    {
        using var worker = WorkerProcess.Start(Settings(KafkaTopics.Create(cluster)).With(setting, value));
        var exitCode = await worker.WaitForExitAsync(Patience);

        exitCode.Should().NotBe(0);
        worker.Output.Should().ContainSingle(l => l.StartsWith("run: " + line, StringComparison.Ordinal), "the operator reads one line that names the setting and its fix")
            .Which.Should().Contain(fix);
        worker.Output.Should().NotContain(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal), "a missing setting is no crash: no stack trace");
    }

    private WorkerSettings Settings(KafkaTopics topics) => new WorkerSettings()
        .Kafka(cluster.BootstrapServers)
        .Topics(topics)
        .MailTo(pickup)
        .With("Privacy:HashKey", TestKeys.HashKey)
        .Redis(TestRedis.Configuration, RedisFixture.NewPrefix());
}
