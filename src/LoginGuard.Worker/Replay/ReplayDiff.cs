using System.Text.Encodings.Web;
using System.Text.Json;
using LoginGuard.Alerts;
using LoginGuard.Contracts;

namespace LoginGuard.Worker.Replay;

/// <summary>
/// What a candidate rule set would change, event by event: the two replays' decisions compared by eventId
/// (redeliveries left out: they repeat a decision), each difference written as one line of diff.jsonl. With
/// labels (what each event really was), it also says which attacks and legitimate events cross the Medium line.
/// </summary>
internal sealed class ReplayDiff(IReadOnlyDictionary<string, EventLabel>? labels)
{
    public const string FileName = "diff.jsonl";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string CurrentVersion { get; private set; } = "";

    public string CandidateVersion { get; private set; } = "";

    public long Compared { get; private set; }

    public long Changed { get; private set; }

    public SortedDictionary<string, (long Added, long Removed)> MailByKind { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> LevelMoves { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, (long Added, long Removed)> ReasonsByRule { get; } = new(StringComparer.Ordinal);

    public bool Labelled => labels is not null;

    /// <summary>Attacks by scenario that reach Medium or above under the candidate and not now (Added), or the reverse (Removed).</summary>
    public SortedDictionary<string, (long Added, long Removed)> AttacksFlagged { get; } = new(StringComparer.Ordinal);

    /// <summary>Legitimate events the candidate brings to Medium or above (Added: friction) or takes below it (Removed).</summary>
    public (long Added, long Removed) LegitimateFlagged { get; private set; }

    public static async Task<ReplayDiff> CompareAsync(
        string currentDecisions, string candidateDecisions, string diffPath, IReadOnlyDictionary<string, EventLabel>? labels, CancellationToken cancellationToken)
    {
        var current = Read(currentDecisions).ToDictionary(d => d.EventId, StringComparer.Ordinal);
        var diff = new ReplayDiff(labels);
        await using var stream = File.Create(diffPath);
        await using var writer = new Utf8JsonWriter(stream, Options);
        foreach (var candidate in Read(candidateDecisions))
        {
            if (!current.TryGetValue(candidate.EventId, out var before))
            {
                continue;
            }

            diff.Compared++;
            diff.CurrentVersion = before.RuleSetVersion;
            diff.CandidateVersion = candidate.RuleSetVersion;
            if (diff.Add(before, candidate, writer))
            {
                await writer.FlushAsync(cancellationToken);
                writer.Reset();
                stream.WriteByte((byte)'\n');
            }
        }

        return diff;
    }

    private bool Add(Decision before, Decision after, Utf8JsonWriter writer)
    {
        var (alertsAdded, alertsRemoved) = Changes(before.Alerts.Select(a => a.ToWireName()), after.Alerts.Select(a => a.ToWireName()));
        var (reasonsAdded, reasonsRemoved) = Changes(before.Reasons.Select(Name), after.Reasons.Select(Name));
        if (before.RiskLevel == after.RiskLevel && alertsAdded.Count + alertsRemoved.Count + reasonsAdded.Count + reasonsRemoved.Count == 0)
        {
            return false;
        }

        Changed++;
        Tally(MailByKind, alertsAdded, alertsRemoved);
        Tally(ReasonsByRule, reasonsAdded, reasonsRemoved);
        if (before.RiskLevel != after.RiskLevel)
        {
            var move = $"{before.RiskLevel.ToWireName()} → {after.RiskLevel.ToWireName()}";
            LevelMoves[move] = LevelMoves.GetValueOrDefault(move) + 1;
        }

        var label = labels?.GetValueOrDefault(after.EventId);
        TallyFlagged(label, before.RiskLevel >= RiskLevel.Medium, after.RiskLevel >= RiskLevel.Medium);
        writer.WriteStartObject();
        writer.WriteString("eventId", after.EventId);
        if (label is not null)
        {
            writer.WriteString("label", label.Attack ? label.Scenario : "legitimate");
        }

        writer.WriteString("userId", after.UserId);
        writer.WriteString("type", after.Type.ToWireName());
        writer.WriteString("current", before.RiskLevel.ToWireName());
        writer.WriteString("candidate", after.RiskLevel.ToWireName());
        DecisionJson.WriteScore(writer, "currentScore", before.RiskScore);
        DecisionJson.WriteScore(writer, "candidateScore", after.RiskScore);
        Array(writer, "alertsAdded", alertsAdded);
        Array(writer, "alertsRemoved", alertsRemoved);
        Array(writer, "reasonsAdded", reasonsAdded);
        Array(writer, "reasonsRemoved", reasonsRemoved);
        writer.WriteEndObject();
        return true;
    }

    private void TallyFlagged(EventLabel? label, bool flaggedBefore, bool flaggedAfter)
    {
        if (label is null || flaggedBefore == flaggedAfter)
        {
            return;
        }

        var (added, removed) = flaggedAfter ? (1, 0) : (0, 1);
        if (label.Attack)
        {
            var was = AttacksFlagged.GetValueOrDefault(label.Scenario);
            AttacksFlagged[label.Scenario] = (was.Added + added, was.Removed + removed);
        }
        else
        {
            LegitimateFlagged = (LegitimateFlagged.Added + added, LegitimateFlagged.Removed + removed);
        }
    }

    private static string Name(RiskReason reason) => reason.Simulated ? $"{reason.Rule} (simulated)" : reason.Rule;

    private static (List<string> Added, List<string> Removed) Changes(IEnumerable<string> before, IEnumerable<string> after)
    {
        var was = before.ToList();
        var now = after.ToList();
        return (now.Except(was, StringComparer.Ordinal).ToList(), was.Except(now, StringComparer.Ordinal).ToList());
    }

    private static void Tally(SortedDictionary<string, (long Added, long Removed)> counts, List<string> added, List<string> removed)
    {
        foreach (var key in added)
        {
            counts[key] = counts.GetValueOrDefault(key) with { Added = counts.GetValueOrDefault(key).Added + 1 };
        }

        foreach (var key in removed)
        {
            counts[key] = counts.GetValueOrDefault(key) with { Removed = counts.GetValueOrDefault(key).Removed + 1 };
        }
    }

    private static void Array(Utf8JsonWriter writer, string name, List<string> values)
    {
        writer.WriteStartArray(name);
        values.ForEach(writer.WriteStringValue);
        writer.WriteEndArray();
    }

    private static IEnumerable<Decision> Read(string path) => File.ReadLines(path)
        .Select(line => DecisionJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(line)))
        .Where(d => !d.Duplicate);
}
