using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// A successful sign-in on a device the learner has not used from an address they have not used, both within the
/// lookback: the shape of a lookalike takeover (a copied browser behind a proxy in the victim's city, on the
/// victim's ISP or carrier). Each half alone is everyday: a cleared cookie comes from home, a phone changes carrier
/// address. Together they are rare for the learner and usual for an attacker, so the conjunction gets its own
/// weight rather than the sum of two weak ones.
/// </summary>
internal sealed class NewDeviceOnNewAddressRule(string id, RuleSettings settings, Novelty novelty) : IRule
{
    public string Id => id;

    public RuleSettings Settings => settings;

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var history = snapshot.Learner;
        var at = enriched.Event.OccurredAt;
        if (!enriched.Event.IsSuccessfulLogin
            || !novelty.IsNew(history, history.Devices, enriched.Device.Id, at)
            || !novelty.IsNew(history, history.Addresses, enriched.Keys.Address, at))
        {
            return null;
        }

        return new RiskReason(id, 1.0, $"first sign-in from {enriched.Device.Description} on an address not used before; {history.Devices.Count} known device(s), {history.Addresses.Count} known address(es)");
    }
}
