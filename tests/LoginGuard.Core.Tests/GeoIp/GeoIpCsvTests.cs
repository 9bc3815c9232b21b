using LoginGuard.Tools.GeoIp;

namespace LoginGuard.Core.Tests.GeoIp;

public sealed class GeoIpCsvTests : IDisposable
{
    private const string Paris = "81.56.0.0/16,2988507,Paris,IDF,Île-de-France,FR,France,48.8534,2.3488,20,Europe/Paris";

    private readonly GeoIpTestDirectory _files = new();

    [Theory]
    [InlineData("1.2.3/99,,,,,FR,France,,,,", "network '1.2.3/99' is not a CIDR block")]
    [InlineData("1.2.3/24,,,,,FR,France,,,,", "network '1.2.3/24' is not a CIDR block")]
    [InlineData("81.56.0.0,,,,,FR,France,,,,", "network '81.56.0.0' is not a CIDR block")]
    [InlineData("2a01:cb00::/129,,,,,FR,France,,,,", "network '2a01:cb00::/129' is not a CIDR block")]
    [InlineData("81.56.7.0/16,,,,,FR,France,,,,", "network '81.56.7.0/16' has host bits set; did you mean '81.56.0.0/16'?")]
    [InlineData("::/0,,,,,FR,France,,,,", "network '::/0' covers every IPv6 address; list narrower networks")]
    [InlineData("81.57.0.0/16,,,,,FR,France,48.1,north,,", "longitude 'north' is not a number from -180 to 180")]
    [InlineData("81.57.0.0/16,,,,,FR,France,91,2.3,,", "latitude '91' is not a number from -90 to 90")]
    [InlineData("81.57.0.0/16,abc,,,,FR,France,,,,", "geoname_id 'abc' is not a GeoNames id (a whole number)")]
    [InlineData("81.57.0.0/16,,,,,FRA,France,,,,", "country_iso 'FRA' is not a two-letter ISO 3166 code such as 'FR'")]
    [InlineData("81.57.0.0/16,,,,,FR,France,,,70000,", "accuracy_radius_km '70000' is not a radius in whole kilometres up to 65535")]
    [InlineData("81.57.0.0/16,,,,FR,France", "expected 11 columns like the header, found 6")]
    [InlineData("81.56.0.0/16,,,,,FR,France,,,,", "network '81.56.0.0/16' is already listed on line 2")]
    public void Rejects_a_city_row_naming_the_file_line_and_problem(string badRow, string problem)
    {
        var csv = _files.WriteCsv("city-ranges.csv", GeoIpTestDirectory.CityHeader, Paris, "", badRow);

        var read = () => CityRangesCsv.Read(csv).ToList();

        read.Should().Throw<GeoIpCsvException>().WithMessage($"city-ranges.csv line 4: {problem}");
    }

    [Fact]
    public void Rejects_a_header_without_the_columns_the_kind_needs()
    {
        var csv = _files.WriteCsv("asn-ranges.csv", "network,as_number,organization", "81.56.0.0/15,12322,Free SAS");

        var read = () => AsnRangesCsv.Read(csv).ToList();

        read.Should().Throw<GeoIpCsvException>()
            .WithMessage("asn-ranges.csv line 1: the header lacks 'asn'; expected 'network,asn,organization'");
    }

    [Fact]
    public void Rejects_an_as_number_written_with_its_prefix()
    {
        var csv = _files.WriteCsv("asn-ranges.csv", GeoIpTestDirectory.AsnHeader, "81.56.0.0/15,AS12322,Free SAS");

        var read = () => AsnRangesCsv.Read(csv).ToList();

        read.Should().Throw<GeoIpCsvException>()
            .WithMessage("asn-ranges.csv line 2: asn 'AS12322' is not an AS number (a whole number without 'AS')");
    }

    [Fact]
    public void Accepts_columns_in_any_order_and_quoted_cells_with_commas()
    {
        var csv = _files.WriteCsv("asn-ranges.csv", "organization,asn,network", "\"Example, \"\"Office\"\" Inc.\",64512,2001:678:9::/48");

        var entry = AsnRangesCsv.Read(csv).Should().ContainSingle().Subject;

        entry.Network.ToString().Should().Be("2001:678:9::/48");
        entry.Record.Should().Contain(new KeyValuePair<string, object>("autonomous_system_organization", "Example, \"Office\" Inc."));
    }

    public void Dispose() => _files.Dispose();
}
