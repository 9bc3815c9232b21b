using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Kafka;
using LoginGuard.Testing.Kafka;
using LoginGuard.Tools.Bench;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>One message larger than LoginGuard's producer may send, in the middle of a long stream that a killed worker process leaves half done.</summary>
public sealed class OversizedEventTests(KafkaMockCluster cluster) : IClassFixture<KafkaMockCluster>
{
    /// <summary>Valid JSON under the broker's limit and over the producer's default <c>message.max.bytes</c> (1,000,000).</summary>
    private const int OversizedBytes = 1_010_000;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_oversized_event_is_dead_lettered_cut_to_fit_and_every_other_event_of_a_60000_event_stream_is_decided_across_a_worker_kill()
    {
        // Sixteen partitions: the mock keeps only about 5 MiB per partition and drops the oldest silently.
        var topics = KafkaTopics.Create(cluster, partitions: 16);
        var messages = BenchEvents.Generate(59_999, learners: 3_000)
            .Select(m => new SampleMessage(m.Key, m.Value!, BenchEvents.EventId(m.Value!)))
            .ToList();
        var oversized = Oversized(messages[6_000]);
        messages.Insert(6_000, oversized);
        var owed = messages.Where(m => m != oversized).Select(m => m.EventId!).ToHashSet(StringComparer.Ordinal);
        TopicClient.Publish(cluster, topics.Events, messages);

        // Real processes over Redis, as deployed: the first is killed with SIGKILL mid-stream, after the oversized event.
        await using var workers = await ProductionWorkers.StartAsync(cluster, topics);
        var first = workers.Start();
        var beforeKill = await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => read.Count >= 20_000, Patience, settle: TimeSpan.Zero);
        first.KillNow();

        var second = workers.Start();
        var decided = await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => DecidedIds(read).IsSupersetOf(owed), Patience);
        var deadLetters = await TopicClient.ReadAsync(cluster, topics.DeadLetters, topics.Partitions, read => read.Count >= 1, Patience);
        second.Terminate();
        var exitCode = await second.WaitForExitAsync(Patience);

        beforeKill.Count.Should().BeLessThan(owed.Count, "the first worker was killed mid-stream");
        var decidedIds = DecidedIds(decided);

        // Set differences: an equivalence assertion over 60,000 ids would take minutes.
        owed.Except(decidedIds).Should().BeEmpty("every event but the oversized one is decided");
        decidedIds.Except(owed).Should().BeEmpty("nothing else is decided");
        deadLetters.Should().NotBeEmpty().And.AllSatisfy(letter =>
        {
            Header(letter, DeadLetterPublisher.ReasonHeader).Should().Be("too-large");
            Header(letter, SourceCopyProducer.OriginalSizeHeader).Should().Be(OversizedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Header(letter, SourceCopyProducer.OriginalSha256Header).Should().Be(Convert.ToHexStringLower(SHA256.HashData(oversized.Value)));
            Header(letter, SourceCopyProducer.TruncatedHeader).Should().Be("true");
            letter.Message.Value!.Length.Should().BeLessThan(1_000_000).And.BeGreaterThan(900_000, "only what does not fit is cut");
            oversized.Value.AsSpan(0, letter.Message.Value.Length).SequenceEqual(letter.Message.Value).Should().BeTrue("the copy is the original's beginning");
        });
        exitCode.Should().Be(0, "the replacement ran without failing; it said:\n" + workers.Output);
    }

    private static HashSet<string> DecidedIds(IEnumerable<ConsumeResult<byte[]?, byte[]?>> read) =>
        Owed.Decode(read).Select(d => d.EventId).ToHashSet(StringComparer.Ordinal);

    /// <summary>The event with a long extra field, padded to exactly <see cref="OversizedBytes"/>: still valid JSON.</summary>
    private static SampleMessage Oversized(SampleMessage template)
    {
        var json = Encoding.UTF8.GetString(template.Value).TrimEnd();
        var head = json[..^1] + ",\"note\":\"";
        var tail = "\"}";
        var padding = new string('x', OversizedBytes - Encoding.UTF8.GetByteCount(head) - tail.Length);
        var value = Encoding.UTF8.GetBytes(head + padding + tail);
        value.Length.Should().Be(OversizedBytes);
        return template with { Value = value, EventId = template.EventId + "-oversized" };
    }

    private static string Header(ConsumeResult<byte[]?, byte[]?> result, string name) =>
        Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes(name));
}
