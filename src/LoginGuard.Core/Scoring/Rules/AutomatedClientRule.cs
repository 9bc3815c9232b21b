using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// A sign-in, or a change a takeover makes (password, two-step verification off, email), by a script, a
/// headless browser or a known bot. Learners use browsers and the platform's apps; a client that says it is
/// automation got in with the learner's password or is taking the account over. Failed attempts are left to
/// the failure-counting rules, which see the whole run of them; deletions, resets and turning two-step
/// verification on are what the platform's own back-office jobs do.
/// </summary>
internal sealed class AutomatedClientRule(string id, RuleSettings settings) : IRule
{
    public string Id => id;

    public RuleSettings Settings => settings;

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var authEvent = enriched.Event;
        if (authEvent.Type is not (AuthEventType.LoginSucceeded or AuthEventType.PasswordChanged or AuthEventType.MfaDisabled or AuthEventType.EmailChanged)
            || enriched.Device.Agent.DeviceType != DeviceType.Bot)
        {
            return null;
        }

        var what = authEvent.IsSuccessfulLogin ? "sign-in" : authEvent.Type.ToWireName();
        return new RiskReason(Id, 1.0, $"{what} from {enriched.Device.Description}");
    }
}
