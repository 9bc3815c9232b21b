using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>A successful sign-in right after many failed ones: a guessed password, unlike the one or two typos before a success.</summary>
internal sealed class SuccessAfterFailuresRule(string id, RuleSettings settings, FailureGroup group, TimeSpan window, int threshold, Allowlist allowlist) : IRule
{
    public string Id => id;

    public RuleSettings Settings => settings;

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        if (!enriched.Event.IsSuccessfulLogin || (FailureWindow.IsBySource(group) && allowlist.Contains(enriched.Event.Ip)))
        {
            return null;
        }

        var failures = FailureWindow.Count(enriched, snapshot, group, window);
        return failures < threshold
            ? null
            : new RiskReason(id, 1.0, $"signed in after {failures} failed sign-ins {FailureWindow.Describe(group)} within {window} (threshold {threshold})");
    }
}
