using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// Locking the learner out: a password, MFA or email change soon after a medium-or-higher or new-device sign-in
/// of the same learner is what an account takeover does next, so on its own it should reach high.
/// </summary>
internal sealed class AccountChangeAfterRiskyLoginRule(string id, RuleSettings settings, TimeSpan window) : IRule
{
    public string Id => id;

    public RuleSettings Settings => settings;

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var type = enriched.Event.Type;
        var at = enriched.Event.OccurredAt;
        if (type is not (AuthEventType.PasswordChanged or AuthEventType.MfaDisabled or AuthEventType.EmailChanged)
            || snapshot.Learner.LastRiskyLoginAt is not { } risky || risky > at || at - risky > window)
        {
            return null;
        }

        return new RiskReason(id, 1.0, $"{type.ToWireName()} {at - risky:g} after a risky sign-in (window {window})");
    }
}
