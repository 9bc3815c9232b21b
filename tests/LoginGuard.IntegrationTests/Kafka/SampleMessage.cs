using System.Text;
using System.Text.Json;
using LoginGuard.Worker.Commands;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>A message as a platform service would publish it: keyed by the learner's id when it has one.</summary>
internal sealed record SampleMessage(byte[]? Key, byte[] Value, string? EventId)
{
    /// <summary>What the producing service adds, such as its trace context.</summary>
    public Confluent.Kafka.Headers? Headers { get; init; }

    public static string SampleFile => SampleData.Find(ReplayCommand.DefaultInput)!;

    public static IReadOnlyList<SampleMessage> FromSample(int count) =>
        File.ReadLines(SampleFile).Take(count).Select(FromLine).ToList();

    /// <summary>
    /// Failures for unknown users keep no decision and so no record of publication (bounded state under credential
    /// stuffing): their redelivery goes out unmarked again, by design (docs/events.md).
    /// </summary>
    public static IReadOnlySet<string> UnknownUserFailures(IEnumerable<SampleMessage> messages) => messages
        .Where(m => Encoding.UTF8.GetString(m.Value).Contains("\"failureReason\":\"unknown_user\"", StringComparison.Ordinal))
        .Select(m => m.EventId!).ToHashSet();

    /// <summary>
    /// The mail (<see cref="Infrastructure.MailIdentity"/>) told to a learner whose account.deleted comes later in the
    /// stream: erasure takes a learner's queued mail with it (docs/privacy.md), so where a worker had not sent it yet, it
    /// is never sent. How far the outbox lags behind the stream decides which; such mail arrives at most once.
    /// </summary>
    public static IReadOnlySet<string> MailOfErasedLearners(IEnumerable<string> mail, IEnumerable<SampleMessage> messages)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages.Where(m => m.EventId is not null && m.Key is not null))
        {
            var userId = Encoding.UTF8.GetString(message.Key!);
            owners[message.EventId!] = userId;
            if (Encoding.UTF8.GetString(message.Value).Contains("\"type\":\"account.deleted\"", StringComparison.Ordinal))
            {
                deleted.Add(userId);
            }
        }

        return mail.Where(identity => identity.Split('|')[1].Split(',').Any(eventId => owners.TryGetValue(eventId, out var owner) && deleted.Contains(owner)))
            .ToHashSet(StringComparer.Ordinal);
    }

    public static SampleMessage FromLine(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            string? Field(string name) =>
                root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : null;
            var userId = Field("userId");
            return new SampleMessage(userId is null ? null : Encoding.UTF8.GetBytes(userId), Encoding.UTF8.GetBytes(line), Field("eventId"));
        }
        catch (JsonException)
        {
            return new SampleMessage(null, Encoding.UTF8.GetBytes(line), null);
        }
    }
}
