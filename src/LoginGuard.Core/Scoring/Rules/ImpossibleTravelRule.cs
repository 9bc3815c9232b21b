using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// Two consecutive successful sign-ins too far apart for the time between them. The distance is the least it
/// can be given both accuracy radii, and short hops never count, so coarse geo-IP and nearby cities do not alarm.
/// Arriving at a place the learner has signed in from before is not travel but a second home — a VPN exit, a
/// work network — so switching back and forth between known places never fires.
/// </summary>
internal sealed class ImpossibleTravelRule(string id, RuleSettings settings, double maxSpeedKmh, double minimumDistanceKm) : IRule
{
    public string Id => id;

    public RuleSettings Settings => settings;

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var geo = enriched.Geo;
        var at = enriched.Event.OccurredAt;
        if (!enriched.Event.IsSuccessfulLogin || snapshot.Learner.LastSuccess is not { Latitude: { } fromLat, Longitude: { } fromLon } last
            || geo.Latitude is not { } toLat || geo.Longitude is not { } toLon || last.At > at
            || snapshot.Learner.Places.Any(p => p.Key == Known.PlaceKey(geo)))
        {
            return null;
        }

        var distance = GreatCircle.SurelyApartKm(GreatCircle.DistanceKm(fromLat, fromLon, toLat, toLon), last.AccuracyRadiusKm, geo.AccuracyRadiusKm);
        var hours = (at - last.At).TotalHours;
        if (distance < minimumDistanceKm || (hours > 0 && distance / hours <= maxSpeedKmh))
        {
            return null;
        }

        var speed = hours > 0 ? $"{distance / hours:N0} km/h" : "no time at all";
        return new RiskReason(id, 1.0, $"at least {distance:N0} km from the previous sign-in {at - last.At:g} earlier: {speed} (limit {maxSpeedKmh:N0} km/h)");
    }
}
