using System.Net;
using BenchmarkDotNet.Attributes;
using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.Enrichment.GeoIp;
using LoginGuard.Enrichment.UserAgents;
using LoginGuard.Ingestion;

namespace LoginGuard.Benchmarks;

/// <summary>The enrichment budget is 5 µs per event: both geo lookups, the user-agent parse and the keyed hashes.</summary>
[MemoryDiagnoser]
public class EnrichmentBenchmarks
{
    private readonly IPAddress address = IPAddress.Parse("81.57.10.20");
    private AuthEvent authEvent = null!;
    private Enricher enricher = null!;
    private MaxMindGeoLocator geo = null!;
    private UserAgentParser cachedParser = null!;
    private UserAgentParser uncachedParser = null!;
    private DeviceFingerprinter fingerprinter = null!;

    [GlobalSetup]
    public void Setup()
    {
        authEvent = EventParser.Parse(SampleInputs.LoginEvent).Event!;
        geo = SampleInputs.GeoLocator();
        var hasher = SampleInputs.Hasher();
        cachedParser = SampleInputs.Parser();
        uncachedParser = SampleInputs.Parser(cacheSize: 0);
        fingerprinter = new DeviceFingerprinter(cachedParser, hasher);
        enricher = new Enricher(fingerprinter, geo, new StateKeyMaker(hasher));
    }

    [GlobalCleanup]
    public void Cleanup() => geo.Dispose();

    [Benchmark(Baseline = true, Description = "Enrich one event (geo City + ASN, UA, device hash, state keys)")]
    public object Enrich() => enricher.Enrich(authEvent);

    [Benchmark(Description = "Geo lookup, City + ASN")]
    public object Locate() => geo.Locate(address);

    [Benchmark(Description = "Device fingerprint (cached UA + HMAC)")]
    public object Fingerprint() => fingerprinter.Fingerprint(authEvent);

    [Benchmark(Description = "User-agent parse, cached")]
    public object ParseCached() => cachedParser.Parse(SampleInputs.ChromeOnWindows);

    [Benchmark(Description = "User-agent parse, uncached")]
    public object ParseUncached() => uncachedParser.Parse(SampleInputs.ChromeOnWindows);
}
