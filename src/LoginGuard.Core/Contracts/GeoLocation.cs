namespace LoginGuard.Contracts;

/// <summary>
/// Where an address is, as far as the geo databases know. State is keyed on the codes and ids;
/// the names are for people only.
/// </summary>
internal sealed record GeoLocation(
    string? CountryIso = null,
    string? CountryName = null,
    string? SubdivisionIso = null,
    string? SubdivisionName = null,
    long? CityGeoNameId = null,
    string? CityName = null,
    double? Latitude = null,
    double? Longitude = null,
    int? AccuracyRadiusKm = null,
    string? TimeZone = null,
    long? Asn = null,
    string? AsnOrganization = null)
{
    public static GeoLocation None { get; } = new();

    public bool HasLocation => CountryIso is not null;

    public bool HasCoordinates => Latitude is not null && Longitude is not null;
}
