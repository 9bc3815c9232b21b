using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// A successful sign-in from a device the learner has not signed in with within the lookback. The first device
/// ever seen is the baseline, not news: a learner's first sign-in should not alarm them.
/// </summary>
internal sealed class NewDeviceRule(string id, RuleSettings settings, Novelty novelty) : IRule
{
    /// <summary>The id mail and the risky-sign-in marker key on: a NewDevice rule must keep it to be mailed about.</summary>
    public const string RuleId = RuleIds.NewDevice;

    public NewDeviceRule(RuleSettings settings)
        : this(RuleId, settings, Novelty.Default)
    {
    }

    public string Id => id;

    public RuleSettings Settings => settings;

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var history = snapshot.Learner;
        if (!enriched.Event.IsSuccessfulLogin || !novelty.IsNew(history, history.Devices, enriched.Device.Id, enriched.Event.OccurredAt))
        {
            return null;
        }

        return new RiskReason(Id, 1.0, $"first sign-in from {enriched.Device.Description}; {history.Devices.Count} known device(s)");
    }
}
