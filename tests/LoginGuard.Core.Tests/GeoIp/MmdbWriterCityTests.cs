using MaxMind.Db;
using MaxMind.GeoIP2;

namespace LoginGuard.Core.Tests.GeoIp;

public sealed class MmdbWriterCityTests : IDisposable
{
    private const string Bordeaux = "90.2.0.0/16,3031582,Bordeaux,NAQ,Nouvelle-Aquitaine,FR,France,44.8378,-0.5792,20,Europe/Paris";
    private const string France = "90.0.0.0/14,,,,,FR,France,46.2276,2.2137,500,Europe/Paris";
    private const string Paris = "2a01:cb00::/32,2988507,Paris,IDF,Île-de-France,FR,France,48.8534,2.3488,20,Europe/Paris";
    private const string LyonInsideParis = "2a01:cb00:100::/40,2996944,Lyon,ARA,Auvergne-Rhône-Alpes,FR,France,45.7485,4.8467,10,Europe/Paris";
    private const string Singapore = "116.88.0.0/16,1880252,Singapore,,,SG,Singapore,1.2897,103.8501,10,Asia/Singapore";

    private readonly GeoIpTestDirectory _files = new();

    [Fact]
    public void Reads_back_every_field_written_for_an_ipv4_city_network()
    {
        using var reader = OpenCity(Bordeaux);

        var city = reader.City("90.2.14.7");

        city.City.GeoNameId.Should().Be(3031582);
        city.City.Name.Should().Be("Bordeaux");
        city.Country.IsoCode.Should().Be("FR");
        city.Country.Name.Should().Be("France");
        city.Subdivisions.Should().ContainSingle().Which.Should().BeEquivalentTo(new { IsoCode = "NAQ", Name = "Nouvelle-Aquitaine" });
        city.Location.Latitude.Should().Be(44.8378);
        city.Location.Longitude.Should().Be(-0.5792);
        city.Location.AccuracyRadius.Should().Be(20);
        city.Location.TimeZone.Should().Be("Europe/Paris");
        city.Traits.Network!.ToString().Should().Be("90.2.0.0/16");
    }

    [Fact]
    public void Reads_back_every_field_written_for_an_ipv6_city_network()
    {
        using var reader = OpenCity(Paris);

        var city = reader.City("2a01:cb00:2e0::1");

        city.City.GeoNameId.Should().Be(2988507);
        city.City.Name.Should().Be("Paris");
        city.Country.IsoCode.Should().Be("FR");
        city.Country.Name.Should().Be("France");
        city.Subdivisions.Should().ContainSingle().Which.Should().BeEquivalentTo(new { IsoCode = "IDF", Name = "Île-de-France" });
        city.Location.Latitude.Should().Be(48.8534);
        city.Location.Longitude.Should().Be(2.3488);
        city.Location.AccuracyRadius.Should().Be(20);
        city.Location.TimeZone.Should().Be("Europe/Paris");
    }

    [Fact]
    public void A_nested_network_wins_over_the_network_around_it_whatever_the_csv_order()
    {
        using var reader = OpenCity(Bordeaux, France, LyonInsideParis, Paris);

        reader.City("90.2.0.1").City.Name.Should().Be("Bordeaux");
        reader.City("90.3.255.254").City.Name.Should().BeNull("the rest of the /14 is only known at country level");
        reader.City("90.3.255.254").Country.IsoCode.Should().Be("FR");
        reader.City("90.1.0.1").Location.AccuracyRadius.Should().Be(500);
        reader.City("2a01:cb00:1ff::1").City.Name.Should().Be("Lyon");
        reader.City("2a01:cb00:200::1").City.Name.Should().Be("Paris");
    }

    [Theory]
    [InlineData("::ffff:90.2.0.1")]
    [InlineData("2002:5a02:1::1")]
    public void Finds_ipv4_networks_through_the_ipv4_mapped_and_6to4_aliases(string address)
    {
        using var reader = OpenCity(Bordeaux, Paris);

        reader.City(address).City.Name.Should().Be("Bordeaux");
    }

    [Fact]
    public void Leaves_out_the_fields_whose_csv_cells_are_empty()
    {
        using var reader = OpenCity(France, Singapore);

        var country = reader.City("90.0.0.1");
        country.City.GeoNameId.Should().BeNull();
        country.City.Name.Should().BeNull();
        country.Subdivisions.Should().BeEmpty();
        country.Country.IsoCode.Should().Be("FR");

        var singapore = reader.City("116.88.1.1");
        singapore.City.Name.Should().Be("Singapore");
        singapore.Subdivisions.Should().BeEmpty();
    }

    [Fact]
    public void Finds_nothing_outside_the_listed_networks()
    {
        using var reader = OpenCity(Bordeaux, Paris);

        reader.TryCity("90.3.0.1", out _).Should().BeFalse();
        reader.TryCity("8.8.8.8", out _).Should().BeFalse();
        reader.TryCity("2a01:cb01::1", out _).Should().BeFalse();
    }

    [Fact]
    public void Describes_itself_as_a_geoip2_city_database_in_format_2_0()
    {
        using var reader = OpenCity(Bordeaux);

        reader.Metadata.DatabaseType.Should().Be("GeoIP2-City");
        reader.Metadata.BinaryFormatMajorVersion.Should().Be(2);
        reader.Metadata.BinaryFormatMinorVersion.Should().Be(0);
        reader.Metadata.IPVersion.Should().Be(6);
        reader.Metadata.Languages.Should().Equal("en");
        reader.Metadata.Description["en"].Should().Contain("city.mmdb.csv");
        reader.Metadata.BuildDate.Should().Be(GeoIpTestDirectory.BuildTime.UtcDateTime);
    }

    public void Dispose() => _files.Dispose();

    private DatabaseReader OpenCity(params string[] rows) =>
        new(_files.BuildCity("city.mmdb", rows), FileAccessMode.MemoryMapped);
}
