using System.Net;
using LoginGuard.Contracts;
using LoginGuard.Enrichment.GeoIp;

namespace LoginGuard.Core.Tests.GeoIp;

public sealed class MaxMindGeoLocatorTests : IDisposable
{
    private readonly GeoIpTestDirectory _files = new();
    private readonly MaxMindGeoLocator _locator;

    public MaxMindGeoLocatorTests()
    {
        var city = _files.BuildCity("city.mmdb",
            "81.56.0.0/16,2988507,Paris,IDF,Île-de-France,FR,France,48.8534,2.3488,20,Europe/Paris",
            "172.56.0.0/14,,,,,US,United States,37.7510,-97.8220,1000,America/Chicago",
            "2a00:23c0::/32,2643743,London,ENG,England,GB,United Kingdom,51.5085,-0.1257,20,Europe/London",
            "10.0.0.0/8,1,Nowhere,,,ZZ,Private,0,0,1,UTC",
            "192.0.2.0/24,1,Nowhere,,,ZZ,Documentation,0,0,1,UTC");
        var asn = _files.BuildAsn("asn.mmdb",
            "81.56.0.0/15,12322,Free SAS",
            "185.220.0.0/16,60729,Zwiebelfreunde e.V.",
            "10.0.0.0/8,64512,Private");
        _locator = GeoIpLocatorFactory.Create(city, asn);
    }

    [Fact]
    public void Fills_every_field_for_a_learner_signing_in_from_paris()
    {
        var location = _locator.Locate(IPAddress.Parse("81.56.10.20"));

        location.Should().Be(new GeoLocation(
            CountryIso: "FR",
            CountryName: "France",
            SubdivisionIso: "IDF",
            SubdivisionName: "Île-de-France",
            CityGeoNameId: 2988507,
            CityName: "Paris",
            Latitude: 48.8534,
            Longitude: 2.3488,
            AccuracyRadiusKm: 20,
            TimeZone: "Europe/Paris",
            Asn: 12322,
            AsnOrganization: "Free SAS"));
    }

    [Fact]
    public void Locates_ipv6_addresses()
    {
        var location = _locator.Locate(IPAddress.Parse("2a00:23c0:77::1"));

        location.CityName.Should().Be("London");
        location.SubdivisionIso.Should().Be("ENG");
        location.Asn.Should().BeNull();
    }

    [Fact]
    public void Locates_an_ipv4_address_written_as_ipv4_mapped_ipv6()
    {
        _locator.Locate(IPAddress.Parse("::ffff:81.56.10.20")).CityName.Should().Be("Paris");
    }

    [Fact]
    public void Knows_only_the_country_where_the_database_has_no_city()
    {
        var location = _locator.Locate(IPAddress.Parse("172.58.1.1"));

        location.HasLocation.Should().BeTrue();
        location.CountryIso.Should().Be("US");
        location.CityName.Should().BeNull();
        location.CityGeoNameId.Should().BeNull();
        location.SubdivisionIso.Should().BeNull();
        location.AccuracyRadiusKm.Should().Be(1000);
    }

    [Fact]
    public void Knows_only_the_network_owner_where_the_city_database_has_nothing()
    {
        var location = _locator.Locate(IPAddress.Parse("185.220.101.4"));

        location.Should().Be(GeoLocation.None with { Asn = 60729, AsnOrganization = "Zwiebelfreunde e.V." });
        location.HasLocation.Should().BeFalse();
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("127.0.0.1")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.10.1")]
    [InlineData("100.64.0.1")]
    [InlineData("192.0.2.44")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00:1234::5")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:4700::1111")]
    public void Returns_none_for_addresses_no_database_can_place(string address)
    {
        _locator.Locate(IPAddress.Parse(address)).Should().BeSameAs(GeoLocation.None);
    }

    [Fact]
    public void Returns_none_without_throwing_after_it_is_disposed()
    {
        _locator.Dispose();

        _locator.Locate(IPAddress.Parse("81.56.10.20")).Should().BeSameAs(GeoLocation.None);
    }

    public void Dispose()
    {
        _locator.Dispose();
        _files.Dispose();
    }
}
