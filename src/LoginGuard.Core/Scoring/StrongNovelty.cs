using LoginGuard.Contracts;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;

namespace LoginGuard.Scoring;

/// <summary>
/// The novelty no learned component may discount on its own say-so: a device never seen, together with a
/// country the learner never used, with a new network far from every usual place, or with an address never
/// used. That is the shape of most real account takeovers, and a model trained on one population's idea of
/// "ordinary" silenced it on another (docs/detection.md, "Vouching is earned"). Only the learner's own
/// history can make a roam ordinary (<see cref="EarnedRoaming"/>); nothing makes a lookalike nearby ordinary.
/// </summary>
/// <remarks>
/// Read off the history, not off which rules fired: a learner with two sign-ins is below <c>new-country</c>'s
/// minimum history, yet a new device from a country they never used is no less strong for it, and the model
/// must not vouch it below what the rules alone give.
/// </remarks>
internal static class StrongNovelty
{
    /// <summary>The conjunction the event is, or null when it is none.</summary>
    public static Conjunction? Of(EnrichedEvent enriched, LearnerHistory history)
    {
        if (!enriched.Event.IsSuccessfulLogin || history.SuccessfulLogins == 0 || history.KnowsDevice(enriched.Device.Id))
        {
            return null;
        }

        if (enriched.Geo.CountryIso is { } country && history.Countries.Count > 0 && history.Countries.All(c => c.Key != country))
        {
            return new("a new device in a country this learner never used", Roam: true);
        }

        if (!history.KnowsNetwork(enriched.Keys.Network) && Geography.KilometresFromNearest(enriched.Geo, history.Places) > EarnedRoaming.FarKm)
        {
            return new("a new device on a new network far from this learner's usual places", Roam: true);
        }

        return history.Addresses.Count > 0 && !history.KnowsAddress(enriched.Keys.Address)
            ? new("a new device on an address this learner never used", Roam: false)
            : null;
    }
}

/// <summary>A conjunction of strong novelty, as a decision's reason names it.</summary>
/// <param name="Roam">
/// Abroad or far away, which a learner's own trips can earn. Otherwise it is a new device on a new address nearby:
/// earning that from the learner's earlier new devices on new addresses let the model vouch for a lookalike of
/// every learner who once set up a phone on the carrier (docs/detection.md, "Lookalikes nearby").
/// </param>
internal sealed record Conjunction(string Described, bool Roam);
