namespace LoginGuard.Enrichment;

/// <summary>
/// Which lookups a file must answer. GeoIP2's <c>TryCity</c> throws for a database whose type
/// lacks "City" (Enterprise files carry city data too), <c>TryAsn</c> for one lacking "ASN".
/// </summary>
internal sealed record MaxMindDatabaseKind(string OptionKey, string Example, string RunsWithout, IReadOnlyList<string> AcceptedTypeFragments)
{
    public static MaxMindDatabaseKind City { get; } =
        new($"{GeoIpOptions.SectionName}:{nameof(GeoIpOptions.CityDatabasePath)}", "GeoIP2/GeoLite2 City", "geo", ["City", "Enterprise"]);

    public static MaxMindDatabaseKind Asn { get; } =
        new($"{GeoIpOptions.SectionName}:{nameof(GeoIpOptions.AsnDatabasePath)}", "GeoLite2 ASN", "ASN data", ["ASN"]);

    public bool Accepts(string databaseType) =>
        AcceptedTypeFragments.Any(fragment => databaseType.Contains(fragment, StringComparison.Ordinal));
}
