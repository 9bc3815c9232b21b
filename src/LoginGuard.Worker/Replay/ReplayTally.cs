using LoginGuard.Alerts;
using LoginGuard.Contracts;
using LoginGuard.Pipeline;

namespace LoginGuard.Worker.Replay;

/// <summary>Counts of what a replay did, for its summary and for tests.</summary>
internal sealed class ReplayTally
{
    public long Lines { get; private set; }

    public long Decisions { get; private set; }

    public long Duplicates { get; private set; }

    public long DeadLetters { get; private set; }

    public SortedDictionary<string, SortedDictionary<RiskLevel, long>> ByTypeAndLevel { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> ReasonsByRule { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> MailByKind { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> UnaddressableByReason { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> DeadLettersByReason { get; } = new(StringComparer.Ordinal);

    public List<MailPreview> FirstMail { get; } = [];

    public long MailQueued => MailByKind.Values.Sum();

    /// <summary>
    /// The .eml files in the outbox once the replay stopped: the mail its decisions queued, plus the summaries the
    /// new-device throttle sent when its windows closed, which no decision queues.
    /// </summary>
    public long MailWritten { get; set; }

    public void Add(PipelineOutcome outcome)
    {
        Lines++;
        switch (outcome)
        {
            case DeadLettered dead:
                DeadLetters++;
                Increment(DeadLettersByReason, dead.Rejection.Reason);
                break;
            case Decided { Decision.Duplicate: true }:
                Decisions++;
                Duplicates++;
                break;
            case Decided decided:
                Decisions++;
                Count(decided);
                break;
        }
    }

    private void Count(Decided decided)
    {
        var decision = decided.Decision;
        var levels = ByTypeAndLevel.TryGetValue(decision.Type.ToWireName(), out var found)
            ? found
            : ByTypeAndLevel[decision.Type.ToWireName()] = [];
        levels[decision.RiskLevel] = levels.GetValueOrDefault(decision.RiskLevel) + 1;
        foreach (var reason in decision.Reasons)
        {
            Increment(ReasonsByRule, reason.Simulated ? $"{reason.Rule} (simulated)" : reason.Rule);
        }

        foreach (var mail in decided.Mailed)
        {
            Increment(MailByKind, mail.Kind.ToWireName());
            if (FirstMail.Count < MailPreview.Shown)
            {
                FirstMail.Add(MailPreview.Of(mail, decision.UserId));
            }
        }

        foreach (var skipped in decided.Unaddressable)
        {
            Increment(UnaddressableByReason, skipped.Reason);
        }
    }

    private static void Increment(SortedDictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
