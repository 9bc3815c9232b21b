using System.Net;
using LoginGuard.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Enrichment.GeoIp;

/// <summary>
/// Locates addresses with MaxMind City and ASN databases (either may be absent), after the platform's own
/// overlay when there is one. Each file is reloaded when replaced; see <see cref="MaxMindDatabaseFile"/>.
/// </summary>
internal sealed class MaxMindGeoLocator : IGeoLocator, IDisposable
{
    private readonly MaxMindDatabaseFile? _overlay;
    private readonly MaxMindDatabaseFile? _city;
    private readonly MaxMindDatabaseFile? _asn;

    public MaxMindGeoLocator(IOptions<GeoIpOptions> options, TimeProvider timeProvider, ILogger<MaxMindGeoLocator> logger)
    {
        var settings = options.Value;
        try
        {
            _overlay = Open(settings.OverlayDatabasePath, MaxMindDatabaseKind.Overlay, timeProvider, logger);
            _city = Open(settings.CityDatabasePath, MaxMindDatabaseKind.City, timeProvider, logger);
            _asn = Open(settings.AsnDatabasePath, MaxMindDatabaseKind.Asn, timeProvider, logger);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Checks the files now instead of waiting for the watcher or the next poll.</summary>
    public void Reload()
    {
        _overlay?.Reload();
        _city?.Reload();
        _asn?.Reload();
    }

    public GeoLocation Locate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var location = Read(_overlay, address);
        if (location == GeoLocation.None)
        {
            if (!GeoIpAddressScope.IsPublic(address))
            {
                return GeoLocation.None;
            }

            location = Read(_city, address);
        }

        var asn = _asn?.Read(address, static (reader, ip) => reader.Find<MaxMindAsnRecord>(ip), null);
        return asn?.Number is null
            ? location
            : location with { Asn = asn.Number, AsnOrganization = asn.Organization };
    }

    public void Dispose()
    {
        _overlay?.Dispose();
        _city?.Dispose();
        _asn?.Dispose();
    }

    private static GeoLocation Read(MaxMindDatabaseFile? file, IPAddress address) =>
        file?.Read(address, static (reader, ip) => reader.Find<MaxMindCityRecord>(ip) is { } city ? FromCity(city) : GeoLocation.None, GeoLocation.None)
        ?? GeoLocation.None;

    private static MaxMindDatabaseFile? Open(string? path, MaxMindDatabaseKind kind, TimeProvider timeProvider, ILogger logger) =>
        string.IsNullOrWhiteSpace(path) ? null : new MaxMindDatabaseFile(path, kind, timeProvider, logger);

    private static GeoLocation FromCity(MaxMindCityRecord city) => new(
        CountryIso: city.Country?.IsoCode,
        CountryName: city.Country?.Name,
        SubdivisionIso: city.Subdivision?.IsoCode,
        SubdivisionName: city.Subdivision?.Name,
        CityGeoNameId: city.City?.GeoNameId,
        CityName: city.City?.Name,
        Latitude: city.Location?.Latitude,
        Longitude: city.Location?.Longitude,
        AccuracyRadiusKm: city.Location?.AccuracyRadius,
        TimeZone: city.Location?.TimeZone);
}
