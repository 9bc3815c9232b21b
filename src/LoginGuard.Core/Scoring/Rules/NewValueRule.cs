using System.Globalization;
using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// A successful sign-in from an address, ASN, city or country the learner has not signed in from within the
/// lookback (Okta's "new IP / new city / new country" from the last sign-ins' context). An event whose
/// geo lookup has no answer for the watched value is not news: absence of data is not evidence.
/// </summary>
internal sealed class NewValueRule(string id, RuleSettings settings, NoveltyKind kind, Novelty novelty) : IRule
{
    public string Id => id;

    public RuleSettings Settings => settings;

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        if (!enriched.Event.IsSuccessfulLogin)
        {
            return null;
        }

        var (key, known, described) = Watched(enriched, snapshot.Learner);
        if (key is null)
        {
            return null;
        }

        return novelty.IsNew(snapshot.Learner, known, key, enriched.Event.OccurredAt)
            ? new RiskReason(id, 1.0, $"first sign-in from {described}; {known.Count} known")
            : null;
    }

    private (string? Key, IReadOnlyList<KnownValue> Known, string Described) Watched(EnrichedEvent enriched, LearnerHistory history)
    {
        var geo = enriched.Geo;
        return kind switch
        {
            NoveltyKind.Address => (enriched.Keys.Address, history.Addresses, "this address"),
            NoveltyKind.Asn => (geo.Asn is null ? null : enriched.Keys.Network, history.Networks.Where(n => StateKeyMaker.IsAsn(n.Key)).ToList(), $"AS{geo.Asn} ({geo.AsnOrganization})"),
            NoveltyKind.Country => (geo.CountryIso, history.Countries, $"{geo.CountryName} ({geo.CountryIso})"),
            _ => (geo.CityGeoNameId?.ToString(CultureInfo.InvariantCulture), Cities(history), $"{geo.CityName}, {geo.CountryIso}"),
        };
    }

    /// <summary>Places known only to the country say nothing about which city the learner was in.</summary>
    private static List<KnownValue> Cities(LearnerHistory history) => history.Places
        .Where(p => !p.Key.StartsWith("cc:", StringComparison.Ordinal))
        .Select(p => new KnownValue(p.Key, p.FirstSeen, p.LastSeen, p.Count))
        .ToList();
}
