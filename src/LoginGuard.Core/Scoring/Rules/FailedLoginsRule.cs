using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>Too many failed sign-ins in a window, counted per learner, learner and address, address or network (brute force).</summary>
internal sealed class FailedLoginsRule(string id, RuleSettings settings, FailureGroup group, TimeSpan window, int threshold, Allowlist allowlist) : IRule
{
    public string Id => id;

    public RuleSettings Settings => settings;

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        if (enriched.Event.Type != AuthEventType.LoginFailed || (FailureWindow.IsBySource(group) && allowlist.Contains(enriched.Event.Ip)))
        {
            return null;
        }

        var count = FailureWindow.Count(enriched, snapshot, group, window);
        return count < threshold
            ? null
            : new RiskReason(id, 1.0, $"{count} failed sign-ins {FailureWindow.Describe(group)} within {window} (threshold {threshold})");
    }
}
