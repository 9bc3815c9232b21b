using LoginGuard.Enrichment;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// A successful sign-in from a device the learner has never signed in with. The first device ever
/// seen is the baseline, not news: a learner's first sign-in should not alarm them.
/// </summary>
internal sealed class NewDeviceRule(RuleSettings settings) : IRule
{
    public const string RuleId = "new-device";

    public string Id => RuleId;

    public RuleSettings Settings => settings;

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var history = snapshot.Learner;
        if (!enriched.Event.IsSuccessfulLogin || history.Devices.Count == 0 || history.KnowsDevice(enriched.Device.Id))
        {
            return null;
        }

        return new RiskReason(Id, 1.0, $"first sign-in from {enriched.Device.Description}; {history.Devices.Count} known device(s)");
    }
}
