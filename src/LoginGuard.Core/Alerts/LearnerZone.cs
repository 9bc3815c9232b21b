using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Alerts;

/// <summary>
/// The time zone a mail writes times in: the learner's usual place's, never the sign-in's for its own sake, because
/// a foreign sign-in's zone is the attacker's and would tell the learner a time they never lived.
/// </summary>
internal static class LearnerZone
{
    /// <summary>
    /// The zone of the place the learner has signed in from most (their usual place: a city, or a country when only
    /// that is known; ties go to the latest). An event from that place gives its own zone from the City database;
    /// otherwise the history, which keeps places by key, country and coordinates but not zones, gives it through
    /// <see cref="CountryZones"/>. Null — UTC in the mail — for a learner with no places yet.
    /// </summary>
    public static string? Of(GeoLocation geo, LearnerHistory history)
    {
        var usual = history.Places.OrderByDescending(p => p.Count).ThenByDescending(p => p.LastSeen).FirstOrDefault();
        if (usual is null)
        {
            return null;
        }

        return usual.Key == Known.PlaceKey(geo) && geo.TimeZone is { } zone
            ? zone
            : CountryZones.Nearest(usual.CountryIso, usual.Latitude, usual.Longitude);
    }
}
