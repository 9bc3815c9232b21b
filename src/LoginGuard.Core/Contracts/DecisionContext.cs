
namespace LoginGuard.Contracts;

/// <summary>
/// The enrichment a decision was made with, as a person would describe it: device, country, city, network.
/// Deliberately no address, coordinates or user agent: decisions travel to other services.
/// </summary>
internal sealed record DecisionContext(string Device, string? Country, string? City, long? Asn, string? Network)
{
    public static DecisionContext Of(EnrichedEvent enriched) => new(
        enriched.Device.Description, enriched.Geo.CountryIso, enriched.Geo.CityName, enriched.Geo.Asn, enriched.Geo.AsnOrganization);
}
