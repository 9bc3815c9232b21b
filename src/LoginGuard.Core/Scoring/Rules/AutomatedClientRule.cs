using LoginGuard.Enrichment;
using LoginGuard.Ingestion;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// A sign-in or account change made by a script, a headless browser or a known bot. Learners use
/// browsers and the platform's apps; a client that says it is automation got in with the learner's
/// password or is acting on the account. Failed attempts are left to the failure-counting rules, which
/// see the whole run of them.
/// </summary>
internal sealed class AutomatedClientRule(string id, RuleSettings settings) : IRule
{
    public string Id => id;

    public RuleSettings Settings => settings;

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var authEvent = enriched.Event;
        if (authEvent.Type == AuthEventType.LoginFailed || enriched.Device.Agent.DeviceType != DeviceType.Bot)
        {
            return null;
        }

        var what = authEvent.IsSuccessfulLogin ? "sign-in" : authEvent.Type.ToWireName();
        return new RiskReason(Id, 1.0, $"{what} from {enriched.Device.Description}");
    }
}
