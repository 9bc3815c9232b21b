using LoginGuard.Enrichment.GeoIp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LoginGuard.Core.Tests.GeoIp;

internal static class GeoIpLocatorFactory
{
    public static MaxMindGeoLocator Create(string? cityPath, string? asnPath, TimeProvider? time = null, string? overlayPath = null) =>
        new(
            Options.Create(new GeoIpOptions { CityDatabasePath = cityPath, AsnDatabasePath = asnPath, OverlayDatabasePath = overlayPath }),
            time ?? new FakeTimeProvider(),
            NullLogger<MaxMindGeoLocator>.Instance);
}
