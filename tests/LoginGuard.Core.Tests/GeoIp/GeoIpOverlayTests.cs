using System.Net;
using LoginGuard.Contracts;
using LoginGuard.Enrichment.GeoIp;

namespace LoginGuard.Core.Tests.GeoIp;

/// <summary>The platform's own networks, mapped in a small overlay instead of a rebuilt City database.</summary>
public sealed class GeoIpOverlayTests : IDisposable
{
    private readonly GeoIpTestDirectory _files = new();
    private readonly MaxMindGeoLocator _locator;

    public GeoIpOverlayTests()
    {
        var city = _files.BuildCity("city.mmdb", "81.56.0.0/16,2988507,Paris,IDF,Île-de-France,FR,France,48.8534,2.3488,20,Europe/Paris");
        var asn = _files.BuildAsn("asn.mmdb", "81.56.0.0/15,12322,Free SAS");
        var overlay = _files.BuildCity("overlay.mmdb",
            "81.56.10.0/24,2996944,Lyon,ARA,Auvergne-Rhône-Alpes,FR,France,45.7485,4.8467,1,Europe/Paris",
            "10.8.0.0/16,2988507,Paris,IDF,Île-de-France,FR,France,48.8534,2.3488,1,Europe/Paris");
        _locator = GeoIpLocatorFactory.Create(city, asn, overlayPath: overlay);
    }

    [Fact]
    public void Places_the_office_egress_where_the_overlay_says_and_keeps_its_network()
    {
        var location = _locator.Locate(IPAddress.Parse("81.56.10.20"));

        location.CityName.Should().Be("Lyon");
        location.AccuracyRadiusKm.Should().Be(1);
        location.AsnOrganization.Should().Be("Free SAS");
    }

    [Fact]
    public void Leaves_addresses_the_overlay_does_not_map_to_the_city_database()
    {
        _locator.Locate(IPAddress.Parse("81.56.99.1")).CityName.Should().Be("Paris");
    }

    [Fact]
    public void Places_a_private_vpn_range_the_city_database_never_could()
    {
        _locator.Locate(IPAddress.Parse("10.8.1.2")).CityName.Should().Be("Paris");
        _locator.Locate(IPAddress.Parse("10.9.0.1")).Should().Be(GeoLocation.None);
    }

    public void Dispose()
    {
        _locator.Dispose();
        _files.Dispose();
    }
}
