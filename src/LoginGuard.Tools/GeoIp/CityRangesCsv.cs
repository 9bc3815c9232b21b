namespace LoginGuard.Tools.GeoIp;

/// <summary>
/// Turns city ranges into records in MaxMind's GeoIP2 City schema, so the worker reads our
/// databases and MaxMind's through the same <c>DatabaseReader.TryCity</c>.
/// </summary>
internal static class CityRangesCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "network", "geoname_id", "city", "subdivision_iso", "subdivision", "country_iso", "country",
        "latitude", "longitude", "accuracy_radius_km", "time_zone",
    ];

    public static IEnumerable<MmdbEntry> Read(string path) =>
        CsvRangeFile.Read(path, Columns).Select(row => new MmdbEntry(row.Network(), ToRecord(row)));

    private static MmdbMap ToRecord(CsvRangeRow row)
    {
        var countryIso = row.Text("country_iso");
        if (countryIso is not null && (countryIso.Length != 2 || !countryIso.All(char.IsAsciiLetterUpper)))
        {
            throw row.Problem($"country_iso '{countryIso}' is not a two-letter ISO 3166 code such as 'FR'");
        }

        var city = new MmdbMap();
        city.AddIfPresent("geoname_id", row.UInt32("geoname_id", "a GeoNames id (a whole number)"));
        city.AddIfNotEmpty("names", EnglishName(row.Text("city")));

        var country = new MmdbMap();
        country.AddIfPresent("iso_code", countryIso);
        country.AddIfNotEmpty("names", EnglishName(row.Text("country")));

        var subdivision = new MmdbMap();
        subdivision.AddIfPresent("iso_code", row.Text("subdivision_iso"));
        subdivision.AddIfNotEmpty("names", EnglishName(row.Text("subdivision")));

        var location = new MmdbMap();
        location.AddIfPresent("accuracy_radius", row.UInt16("accuracy_radius_km", "a radius in whole kilometres up to 65535"));
        location.AddIfPresent("latitude", row.Double("latitude", -90, 90));
        location.AddIfPresent("longitude", row.Double("longitude", -180, 180));
        location.AddIfPresent("time_zone", row.Text("time_zone"));

        var record = new MmdbMap();
        record.AddIfNotEmpty("city", city);
        record.AddIfNotEmpty("country", country);
        record.AddIfNotEmpty("location", location);
        if (subdivision.Count > 0)
        {
            record.Add("subdivisions", new object[] { subdivision });
        }

        return record;
    }

    private static MmdbMap EnglishName(string? name)
    {
        var names = new MmdbMap();
        names.AddIfPresent("en", name);
        return names;
    }
}
