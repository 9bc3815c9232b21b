using LoginGuard.Contracts;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;

namespace LoginGuard.Scoring;

/// <summary>
/// The novelty no learned component may discount on its own say-so: a device never seen, together with a
/// country the learner never used, or with a new network far from every usual place. That is the shape of
/// most real account takeovers, and a model trained on one population's idea of "ordinary" silenced it on
/// another (docs/detection.md, "Vouching is earned"). Only the learner's own history can make it ordinary
/// (<see cref="EarnedRoaming"/>).
/// </summary>
/// <remarks>
/// Read off the history, not off which rules fired: a learner with two sign-ins is below <c>new-country</c>'s
/// minimum history, yet a new device from a country they never used is no less strong for it, and the model
/// must not vouch it below what the rules alone give.
/// </remarks>
internal static class StrongNovelty
{
    /// <summary>How the decision's reason names the conjunction, or null when the event is not one.</summary>
    public static string? Of(EnrichedEvent enriched, LearnerHistory history)
    {
        if (!enriched.Event.IsSuccessfulLogin || history.SuccessfulLogins == 0 || history.KnowsDevice(enriched.Device.Id))
        {
            return null;
        }

        if (enriched.Geo.CountryIso is { } country && history.Countries.Count > 0 && history.Countries.All(c => c.Key != country))
        {
            return "a new device in a country this learner never used";
        }

        return !history.KnowsNetwork(enriched.Keys.Network) && Geography.KilometresFromNearest(enriched.Geo, history.Places) > EarnedRoaming.FarKm
            ? "a new device on a new network far from this learner's usual places"
            : null;
    }
}
