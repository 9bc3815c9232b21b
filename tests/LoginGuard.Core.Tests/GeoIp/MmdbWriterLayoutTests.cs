using System.Net;
using LoginGuard.Tools.GeoIp;
using MaxMind.Db;
using MaxMind.GeoIP2;

namespace LoginGuard.Core.Tests.GeoIp;

public sealed class MmdbWriterLayoutTests : IDisposable
{
    private readonly GeoIpTestDirectory _files = new();

    [Theory]
    [InlineData(24)]
    [InlineData(28)]
    [InlineData(32)]
    public void Readers_follow_the_tree_at_every_record_size(int recordSize)
    {
        var entries = Enumerable.Range(0, 300)
            .Select(i => new MmdbEntry(IPNetwork.Parse($"100.{i / 256}.{i % 256}.0/24"), AsnRecord((uint)(64_000 + i))))
            .Append(new MmdbEntry(IPNetwork.Parse("2001:678::/32"), AsnRecord(4_200_000_000)))
            .ToList();
        var path = _files.Path("asn.mmdb");
        MmdbWriter.WriteAtomically(path, new MmdbDatabaseInfo("GeoLite2-ASN", "layout", GeoIpTestDirectory.BuildTime), entries, recordSize);

        using var reader = new DatabaseReader(path, FileAccessMode.MemoryMapped);

        reader.Asn("100.0.5.1").AutonomousSystemNumber.Should().Be(64_005);
        reader.Asn("100.1.43.200").AutonomousSystemNumber.Should().Be(64_299);
        reader.Asn("2001:678:1::1").AutonomousSystemNumber.Should().Be(4_200_000_000);
        reader.TryAsn("100.1.44.1", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(1L << 24, 28)]
    [InlineData((1L << 24) - 1, 24)]
    [InlineData(1L << 28, 32)]
    public void Picks_the_smallest_record_size_that_addresses_everything(long largestRecordValue, int expected) =>
        MmdbNodeWriter.RecordSizeFor(largestRecordValue).Should().Be(expected);

    [Fact]
    public void Stores_a_record_shared_by_many_networks_once()
    {
        var data = new MmdbDataSection();

        var first = data.Add(AsnRecord(64_512));
        var length = data.Length;
        var second = data.Add(AsnRecord(64_512));

        second.Should().Be(first);
        data.Length.Should().Be(length);
        data.Add(AsnRecord(64_513)).Should().Be(length);
    }

    [Fact]
    public void Leaves_no_temporary_file_behind_and_replaces_the_old_database()
    {
        var path = _files.BuildAsn("asn.mmdb", "81.56.0.0/15,12322,Free SAS");
        _files.BuildAsn("asn.mmdb", "81.56.0.0/15,3215,Orange S.A.");

        using var reader = new DatabaseReader(path, FileAccessMode.MemoryMapped);
        reader.Asn("81.56.0.1").AutonomousSystemNumber.Should().Be(3215);
        Directory.GetFiles(_files.Root).Select(Path.GetFileName).Should().BeEquivalentTo("asn.mmdb", "asn.mmdb.csv");
    }

    public void Dispose() => _files.Dispose();

    private static MmdbMap AsnRecord(uint number) => new()
    {
        { "autonomous_system_number", number },
        { "autonomous_system_organization", "Example" },
    };
}
