using LoginGuard.Enrichment.GeoIp;

namespace LoginGuard.Core.Tests.GeoIp;

public sealed class GeoIpOptionsValidatorTests : IDisposable
{
    private readonly GeoIpTestDirectory _files = new();
    private readonly GeoIpOptionsValidator _validator = new();

    [Theory]
    [InlineData(null, null)]
    [InlineData("", " ")]
    public void Accepts_no_databases_so_the_worker_runs_without_geo(string? city, string? asn)
    {
        Validate(city, asn).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Accepts_a_city_and_an_asn_database()
    {
        var city = _files.BuildCity("city.mmdb", "81.56.0.0/16,2988507,Paris,IDF,Île-de-France,FR,France,48.8534,2.3488,20,Europe/Paris");
        var asn = _files.BuildAsn("asn.mmdb", "81.56.0.0/15,12322,Free SAS");

        Validate(city, asn).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Rejects_paths_that_do_not_exist_naming_each_key()
    {
        var result = Validate("/x.mmdb", "/y.mmdb");

        result.Failures.Should().Equal(
            "GeoIp:CityDatabasePath: file '/x.mmdb' does not exist. Point it at a GeoIP2/GeoLite2 City .mmdb or leave it empty to run without geo.",
            "GeoIp:AsnDatabasePath: file '/y.mmdb' does not exist. Point it at a GeoLite2 ASN .mmdb or leave it empty to run without ASN data.");
    }

    [Fact]
    public void Rejects_the_city_and_asn_databases_swapped()
    {
        var city = _files.BuildCity("city.mmdb", "81.56.0.0/16,2988507,Paris,IDF,Île-de-France,FR,France,48.8534,2.3488,20,Europe/Paris");
        var asn = _files.BuildAsn("asn.mmdb", "81.56.0.0/15,12322,Free SAS");

        var result = Validate(asn, city);

        result.Failures.Should().Equal(
            $"GeoIp:CityDatabasePath: '{asn}' is a GeoLite2-ASN database, not GeoIP2/GeoLite2 City. Point it at a GeoIP2/GeoLite2 City .mmdb or leave it empty to run without geo.",
            $"GeoIp:AsnDatabasePath: '{city}' is a GeoIP2-City database, not GeoLite2 ASN. Point it at a GeoLite2 ASN .mmdb or leave it empty to run without ASN data.");
    }

    [Fact]
    public void Rejects_a_file_that_is_not_a_maxmind_database()
    {
        var path = _files.WriteCsv("city.mmdb", "network,geoname_id");

        Validate(path, null).FailureMessage.Should()
            .StartWith($"GeoIp:CityDatabasePath: '{path}' cannot be opened as a MaxMind database (")
            .And.EndWith("). Point it at a GeoIP2/GeoLite2 City .mmdb or leave it empty to run without geo.");
    }

    [Fact]
    public void Rejects_an_overlay_that_is_not_city_format_naming_its_key()
    {
        var asn = _files.BuildAsn("asn.mmdb", "81.56.0.0/15,12322,Free SAS");

        var result = Validate(null, null, overlay: asn);

        result.Failures.Should().Equal(
            $"GeoIp:OverlayDatabasePath: '{asn}' is a GeoLite2-ASN database, not City-format (loginguard-tools geoip build --kind city). Point it at a City-format (loginguard-tools geoip build --kind city) .mmdb or leave it empty to run without an overlay.");
    }

    public void Dispose() => _files.Dispose();

    private Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? city, string? asn, string? overlay = null) =>
        _validator.Validate(null, new GeoIpOptions { CityDatabasePath = city, AsnDatabasePath = asn, OverlayDatabasePath = overlay });
}
