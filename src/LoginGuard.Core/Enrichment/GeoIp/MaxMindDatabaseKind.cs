namespace LoginGuard.Enrichment.GeoIp;

/// <summary>
/// Which lookups a file must answer, judged by its database type as MaxMind's own API judges it:
/// a City file's type contains "City" (Enterprise files carry city data too), an ASN file's "ASN".
/// A mix-up is caught at start-up instead of silently answering "no location" for every address.
/// </summary>
internal sealed record MaxMindDatabaseKind(string OptionKey, string Example, string RunsWithout, IReadOnlyList<string> AcceptedTypeFragments)
{
    public static MaxMindDatabaseKind City { get; } =
        new($"{GeoIpOptions.SectionName}:{nameof(GeoIpOptions.CityDatabasePath)}", "GeoIP2/GeoLite2 City", "geo", ["City", "Enterprise"]);

    public static MaxMindDatabaseKind Overlay { get; } =
        new($"{GeoIpOptions.SectionName}:{nameof(GeoIpOptions.OverlayDatabasePath)}", "City-format (loginguard-tools geoip build --kind city)", "an overlay", ["City", "Enterprise"]);

    public static MaxMindDatabaseKind Asn { get; } =
        new($"{GeoIpOptions.SectionName}:{nameof(GeoIpOptions.AsnDatabasePath)}", "GeoLite2 ASN", "ASN data", ["ASN"]);

    public bool Accepts(string databaseType) =>
        AcceptedTypeFragments.Any(fragment => databaseType.Contains(fragment, StringComparison.Ordinal));
}
