using MaxMind.Db;
using MaxMind.GeoIP2;

namespace LoginGuard.Core.Tests.GeoIp;

public sealed class MmdbWriterAsnTests : IDisposable
{
    private readonly GeoIpTestDirectory _files = new();

    [Fact]
    public void Reads_back_the_as_number_and_organisation_for_ipv4_and_ipv6_networks()
    {
        using var reader = OpenAsn(
            "81.56.0.0/15,12322,Free SAS",
            "2a00:23c0::/32,2856,British Telecommunications PLC",
            "45.133.7.0/24,64512,\"Example Office, Inc.\"");

        reader.Asn("81.57.200.1").Should().BeEquivalentTo(new { AutonomousSystemNumber = 12322L, AutonomousSystemOrganization = "Free SAS" });
        reader.Asn("2a00:23c0:1::5").Should().BeEquivalentTo(new { AutonomousSystemNumber = 2856L, AutonomousSystemOrganization = "British Telecommunications PLC" });
        reader.Asn("45.133.7.9").AutonomousSystemOrganization.Should().Be("Example Office, Inc.");
        reader.Metadata.DatabaseType.Should().Be("GeoLite2-ASN");
    }

    [Fact]
    public void Keeps_the_organisation_when_the_as_number_is_empty()
    {
        using var reader = OpenAsn("10.20.0.0/16,,Our VPN egress");

        var asn = reader.Asn("10.20.1.1");

        asn.AutonomousSystemNumber.Should().BeNull();
        asn.AutonomousSystemOrganization.Should().Be("Our VPN egress");
    }

    public void Dispose() => _files.Dispose();

    private DatabaseReader OpenAsn(params string[] rows) =>
        new(_files.BuildAsn("asn.mmdb", rows), FileAccessMode.MemoryMapped);
}
