namespace LoginGuard.Enrichment;

/// <summary>
/// Where the MaxMind databases are. Both are optional: without a City database LoginGuard runs
/// without geo, and new-country or impossible-travel reasons never fire.
/// </summary>
internal sealed class GeoIpOptions
{
    public const string SectionName = "GeoIp";

    /// <summary>
    /// Path to a GeoIP2 or GeoLite2 City <c>.mmdb</c>. Replace it by rename (as geoipupdate does)
    /// and the worker picks the new file up without a restart.
    /// </summary>
    public string? CityDatabasePath { get; set; }

    /// <summary>Path to a GeoLite2 ASN <c>.mmdb</c>; updated the same way as the City database.</summary>
    public string? AsnDatabasePath { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CityDatabasePath) || !string.IsNullOrWhiteSpace(AsnDatabasePath);
}
