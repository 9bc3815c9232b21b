namespace LoginGuard.Enrichment.GeoIp;

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

    /// <summary>
    /// Path to a City-format <c>.mmdb</c> of the platform's own networks (offices, VPN egress, cloud ranges), e.g.
    /// built with <c>loginguard-tools geoip build --kind city</c>. Consulted before the City database, for private
    /// addresses too, so mapping an office needs no change to the City file; where it has no record, the City
    /// database answers. Reloaded when replaced, like the others.
    /// </summary>
    public string? OverlayDatabasePath { get; set; }

    /// <summary>Whether public addresses can be located; an overlay alone cannot.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(CityDatabasePath) || !string.IsNullOrWhiteSpace(AsnDatabasePath);
}
