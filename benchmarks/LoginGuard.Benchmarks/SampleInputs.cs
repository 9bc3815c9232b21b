using System.Text;
using LoginGuard.Enrichment;
using LoginGuard.Enrichment.GeoIp;
using LoginGuard.Enrichment.UserAgents;
using LoginGuard.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LoginGuard.Benchmarks;

/// <summary>Realistic inputs and the real stage objects, built the way the host builds them.</summary>
internal static class SampleInputs
{
    public const string ChromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    public static readonly byte[] LoginEvent = Encoding.UTF8.GetBytes(
        $$"""{"eventId":"evt_2c50b59a2ee9e1262237174b","type":"login.succeeded","occurredAt":"2026-10-12T18:51:47.000Z","userId":"usr_9fe7884afc3b","ip":"81.57.10.20","userAgent":"{{ChromeOnWindows}}","deviceId":"d-3f9a0c1e5b7d","email":"zoe.muller@example.org","displayName":"Zoë Müller","locale":"fr-FR","mfaUsed":false}""");

    public static string SampleDatabase(string name) => InRepository(Path.Combine("data-samples", "geoip", name));

    /// <summary>A file of the repository the benchmarks were built in, found from wherever BenchmarkDotNet runs them.</summary>
    public static string InRepository(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, relativePath);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}");
    }

    public static MaxMindGeoLocator GeoLocator() => new(
        Options.Create(new GeoIpOptions { CityDatabasePath = SampleDatabase("sample-city.mmdb"), AsnDatabasePath = SampleDatabase("sample-asn.mmdb") }),
        TimeProvider.System,
        NullLogger<MaxMindGeoLocator>.Instance);

    public static KeyedHasher Hasher() => new(
        Options.Create(new PrivacyOptions { HashKey = Convert.ToBase64String(new byte[32]) }), NullLogger<KeyedHasher>.Instance);

    public static UserAgentParser Parser(int cacheSize = 10_000) =>
        new(Options.Create(new EnrichmentOptions { UserAgentCacheSize = cacheSize }));
}
