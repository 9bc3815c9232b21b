using LoginGuard.Enrichment;
using LoginGuard.State;

namespace LoginGuard.Alerts;

/// <summary>
/// The time zone a mail writes times in: the learner's usual place's, never the sign-in's for its own sake, because
/// a foreign sign-in's zone is the attacker's and would tell the learner a time they never lived.
/// </summary>
internal static class LearnerZone
{
    /// <summary>
    /// The event's zone when the event comes from the place the learner has signed in from most (their usual place:
    /// the same city, or the same country when only that is known); null — UTC in the mail — otherwise, and for a
    /// learner with no history. The history keeps places by key, not by zone, so a zone is known only for an event
    /// at the usual place itself; keeping zones in the history would widen what LoginGuard stores for little more.
    /// </summary>
    public static string? Of(GeoLocation geo, LearnerHistory history)
    {
        var usual = history.Places.OrderByDescending(p => p.Count).ThenByDescending(p => p.LastSeen).FirstOrDefault();
        return usual is not null && usual.Key == Known.PlaceKey(geo) ? geo.TimeZone : null;
    }
}
