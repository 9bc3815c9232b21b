using LoginGuard.Enrichment.GeoIp;
using MaxMind.Db;

namespace LoginGuard.Core.Tests.GeoIp;

public sealed class MaxMindReaderHandleTests : IDisposable
{
    private readonly GeoIpTestDirectory _files = new();

    [Fact]
    public void Keeps_a_replaced_reader_open_until_its_last_lookup_finishes()
    {
        var path = _files.BuildAsn("asn.mmdb", "81.56.0.0/15,12322,Free SAS");
        var reader = new Reader(path, FileAccessMode.MemoryMapped);
        var handle = new MaxMindReaderHandle(reader, MaxMindFileStamp.Of(path)!.Value);

        handle.TryAcquire().Should().BeTrue();
        handle.Release();
        reader.Find<MaxMindAsnRecord>(System.Net.IPAddress.Parse("81.56.0.1"))!.Number.Should().Be(12322, "a lookup still holds the reader after it was replaced");

        handle.Release();
        handle.TryAcquire().Should().BeFalse("a new lookup must take the current reader instead");
        var lookUpAfterRelease = () => reader.Find<MaxMindAsnRecord>(System.Net.IPAddress.Parse("81.56.0.1"));
        lookUpAfterRelease.Should().Throw<ObjectDisposedException>();
    }

    public void Dispose() => _files.Dispose();
}
