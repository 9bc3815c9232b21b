using System.Text;
using Confluent.Kafka;
using LoginGuard.Contracts;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.IntegrationTests.Replay;
using MimeKit;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>
/// What the messages owe, worked out independently by the replay command on the same events (a learner's
/// events in the same order): the decisions, the dead-letter reasons and the mail, by alert id.
/// </summary>
internal sealed record Owed(IReadOnlyList<(string EventId, bool Duplicate)> Decisions, IReadOnlyList<string> DeadLetterReasons, IReadOnlySet<string> Mail)
{
    public IReadOnlySet<string> DecidedEvents => Decisions.Select(d => d.EventId).ToHashSet();

    public static async Task<Owed> ByReplayAsync(IEnumerable<SampleMessage> messages)
    {
        using var run = await ReplayRun.OfLinesAsync(messages.Select(m => Encoding.UTF8.GetString(m.Value)));
        return new Owed(
            run.Decisions.Select(d => (d.GetProperty("eventId").GetString()!, d.TryGetProperty("duplicate", out _))).ToList(),
            run.DeadLetters.Select(d => d.GetProperty("reason").GetString()!).ToList(),
            MailIn(Path.Combine(run.Directory, "outbox")));
    }

    /// <summary>The replay's mail, one file each (<see cref="MailIdentity"/>): what is owed, not a count of what was sent (a file cannot arrive twice).</summary>
    public static IReadOnlySet<string> MailIn(string directory) =>
        Directory.EnumerateFiles(directory, "*.eml").Select(path => MailIdentity.Of(MimeMessage.Load(path))).ToHashSet();

    /// <summary>
    /// Every owed event decided, each with a copy not marked duplicate (a consumer that skips duplicates misses none),
    /// and a second unmarked copy only for <paramref name="mayRepeatUnmarked"/> (docs/events.md, "What duplicate promises").
    /// </summary>
    public void ShouldBeDecidedOnce(IReadOnlyList<Decision> decisions, IEnumerable<string> mayRepeatUnmarked, string why)
    {
        decisions.Select(d => d.EventId).ToHashSet().Should().BeEquivalentTo(DecidedEvents, "every event is decided");
        decisions.Where(d => !d.Duplicate).Select(d => d.EventId).ToHashSet().Should().BeEquivalentTo(DecidedEvents, "the first copy of each decision is never marked duplicate");
        decisions.Where(d => !d.Duplicate).GroupBy(d => d.EventId).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeSubsetOf(mayRepeatUnmarked, why);
    }

    public static List<Decision> Decode(IEnumerable<ConsumeResult<byte[]?, byte[]?>> results) =>
        results.Select(r =>
        {
            var decision = DecisionJson.Deserialize(r.Message.Value);
            Encoding.UTF8.GetString(r.Message.Key!).Should().Be(decision.UserId, "decisions are keyed by userId");
            return decision;
        }).ToList();
}
