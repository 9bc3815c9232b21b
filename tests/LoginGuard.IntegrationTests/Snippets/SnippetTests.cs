using System.Collections.Concurrent;
using LoginGuard.IntegrationTests.Kafka;
using LoginGuard.Testing.Kafka;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.IntegrationTests.Snippets;

/// <summary>The producer and consumer docs/events.md offers integrators: shown as compiled here, and working against a worker.</summary>
public sealed class SnippetTests(KafkaMockCluster cluster) : IClassFixture<KafkaMockCluster>, IDisposable
{
    private readonly string pickup = Directory.CreateTempSubdirectory("loginguard-snippets-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    [Theory]
    [InlineData("PublishAuthEvent.cs", "publish")]
    [InlineData("ReadDecisions.cs", "consume")]
    public void The_events_guide_shows_each_snippet_exactly_as_compiled(string file, string name)
    {
        var source = File.ReadAllLines(Path.Combine(SourceFolder(), file));
        var start = Array.FindIndex(source, l => l.Trim() == $"// snippet-start: {name}");
        var end = Array.FindIndex(source, l => l.Trim() == "// snippet-end");
        var lines = source[(start + 1)..end];
        var indent = lines.Where(l => l.Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var snippet = string.Join('\n', lines.Select(l => l.Length > 0 ? l[indent..] : l));

        start.Should().BeGreaterThanOrEqualTo(0);
        File.ReadAllText(SampleData.FindInRepository("docs/events.md")!).ReplaceLineEndings("\n").Should().Contain($"```csharp\n{snippet}\n```");
    }

    [Fact]
    public async Task An_event_published_by_the_snippet_is_decided_and_its_decision_read_by_the_other()
    {
        var topics = KafkaTopics.Create(cluster);
        await using var worker = await WorkerUnderTest.StartAsync(cluster, topics, pickup, new ControllableBehaviorStore());
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var decided = new ConcurrentDictionary<string, (string Level, string[] Reasons)>();

        var eventId = await PublishAuthEvent.PublishSignInAsync(cluster.BootstrapServers, topics.Events, patience.Token);
        await ReadDecisions.ReadDecisionsAsync(cluster.BootstrapServers, topics.Decisions, (id, level, reasons) =>
        {
            decided[id] = (level, reasons);
            if (id == eventId)
            {
                patience.Cancel();
            }

            return Task.CompletedTask;
        }, patience.Token);
        await worker.StopAsync();

        decided.Should().ContainKey(eventId);
        decided[eventId].Level.Should().Be("none", "a learner's first sign-in is the baseline");
    }

    private static string SourceFolder() => Path.GetDirectoryName(SampleData.FindInRepository("tests/LoginGuard.IntegrationTests/Snippets/SnippetTests.cs"))!;
}
