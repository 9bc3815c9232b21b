using MaxMind.Db;

namespace LoginGuard.Enrichment.GeoIp;

// Lean views of MaxMind's City and ASN records. GeoIP2's CityResponse decodes every field in every
// language into a graph of objects (about 5 KB and most of the 5 µs enrichment budget per lookup);
// these decode only what LoginGuard keeps, English names only. Field names are MaxMind's schema.

internal sealed class MaxMindCityRecord
{
    [Constructor]
    public MaxMindCityRecord(
        [MapKey("city")] MaxMindPlace? city,
        [MapKey("country")] MaxMindPlace? country,
        [MapKey("subdivisions")] List<MaxMindPlace>? subdivisions,
        [MapKey("location")] MaxMindLocation? location)
    {
        City = city;
        Country = country;
        Subdivision = subdivisions is { Count: > 0 } ? subdivisions[0] : null;
        Location = location;
    }

    public MaxMindPlace? City { get; }

    public MaxMindPlace? Country { get; }

    public MaxMindPlace? Subdivision { get; }

    public MaxMindLocation? Location { get; }
}

internal sealed class MaxMindPlace
{
    [Constructor]
    public MaxMindPlace(
        [MapKey("geoname_id")] long? geoNameId,
        [MapKey("iso_code")] string? isoCode,
        [MapKey("names")] MaxMindNames? names)
    {
        GeoNameId = geoNameId;
        IsoCode = isoCode;
        Name = names?.English;
    }

    public long? GeoNameId { get; }

    public string? IsoCode { get; }

    public string? Name { get; }
}

internal sealed class MaxMindNames
{
    [Constructor]
    public MaxMindNames([MapKey("en")] string? english) => English = english;

    public string? English { get; }
}

internal sealed class MaxMindLocation
{
    [Constructor]
    public MaxMindLocation(
        [MapKey("latitude")] double? latitude,
        [MapKey("longitude")] double? longitude,
        [MapKey("accuracy_radius")] int? accuracyRadius,
        [MapKey("time_zone")] string? timeZone)
    {
        Latitude = latitude;
        Longitude = longitude;
        AccuracyRadius = accuracyRadius;
        TimeZone = timeZone;
    }

    public double? Latitude { get; }

    public double? Longitude { get; }

    public int? AccuracyRadius { get; }

    public string? TimeZone { get; }
}

internal sealed class MaxMindAsnRecord
{
    [Constructor]
    public MaxMindAsnRecord(
        [MapKey("autonomous_system_number")] long? number,
        [MapKey("autonomous_system_organization")] string? organization)
    {
        Number = number;
        Organization = organization;
    }

    public long? Number { get; }

    public string? Organization { get; }
}
