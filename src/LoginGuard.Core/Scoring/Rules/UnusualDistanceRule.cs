using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// A successful sign-in farther than a radius from every place the learner signed in from within the lookback,
/// measured after subtracting both places' accuracy radii so a coarse country-level location is not "far".
/// </summary>
internal sealed class UnusualDistanceRule(string id, RuleSettings settings, double radiusKm, Novelty novelty) : IRule
{
    public string Id => id;

    public RuleSettings Settings => settings;

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var geo = enriched.Geo;
        var at = enriched.Event.OccurredAt;
        var history = snapshot.Learner;
        var places = history.Places.Where(p => novelty.Lookback is not { } lookback || p.LastSeen >= at - lookback).ToList();
        if (!enriched.Event.IsSuccessfulLogin || geo.Latitude is not { } latitude || geo.Longitude is not { } longitude
            || places.Count == 0 || history.SuccessfulLogins < novelty.MinimumHistory)
        {
            return null;
        }

        var nearest = places.Min(p => GreatCircle.SurelyApartKm(GreatCircle.DistanceKm(latitude, longitude, p.Latitude, p.Longitude), geo.AccuracyRadiusKm, p.AccuracyRadiusKm));
        return nearest <= radiusKm
            ? null
            : new RiskReason(id, 1.0, $"at least {nearest:N0} km from every usual place (radius {radiusKm:N0} km)");
    }
}
