using System.Net;
using System.Security.Cryptography;
using System.Text;
using LoginGuard.Contracts;
using LoginGuard.Enrichment;

namespace LoginGuard.Tools.Bench;

/// <summary>
/// A long-time learner's events with every history list full: 20 sign-ins over 160 days from 10 devices,
/// 20 addresses, 10 networks and 10 cities, then 4 failed sign-ins from addresses shared with other learners.
/// </summary>
internal static class BenchLearners
{
    public const int EventsPerLearner = SignIns + FailedSignIns;
    private const int SignIns = 20;
    private const int FailedSignIns = 4;
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 7, 0, 0, TimeSpan.Zero);

    private static readonly (string Country, long City, double Latitude, double Longitude)[] Cities =
    [
        ("FR", 2996944, 45.7485, 4.8467), ("FR", 2988507, 48.8534, 2.3488), ("DE", 2950159, 52.5244, 13.4105),
        ("ES", 3117735, 40.4165, -3.7026), ("IT", 3169070, 41.8919, 12.5113), ("PT", 2267057, 38.7167, -9.1333),
        ("GB", 2643743, 51.5085, -0.1257), ("NL", 2759794, 52.3740, 4.8897), ("BE", 2800866, 50.8505, 4.3488),
        ("CH", 2657896, 47.3667, 8.5500),
    ];

    public static IEnumerable<(EnrichedEvent Event, Decision Decision)> For(int learner)
    {
        var learnerKey = Hash("learner", learner, 0);
        var first = Start.AddMinutes(learner % 10_000);
        for (var i = 0; i < SignIns; i++)
        {
            var city = Cities[i % Cities.Length];
            var geo = new GeoLocation(city.Country, null, null, null, city.City, null, city.Latitude, city.Longitude, 20, null, 64_512 + ((learner * 7) + (i % 10)) % 5_000, null);
            var enriched = Enriched(learner, learnerKey, AuthEventType.LoginSucceeded, first.AddDays(i * 8), Hash("address", learner, i), geo, i % 10);
            var newDevice = i < 10;
            yield return (enriched, Decision.For(
                enriched.Event,
                newDevice
                    ? new RiskAssessment(0.35, RiskLevel.Low, [new RiskReason("new-device", 1, $"first sign-in from Firefox 128 on Windows; {i} known device(s)")], "rs-4f0c2a9e1b7d")
                    : new RiskAssessment(0, RiskLevel.None, [], "rs-4f0c2a9e1b7d"),
                newDevice ? [AlertKind.NewDevice] : []));
        }

        for (var i = 0; i < FailedSignIns; i++)
        {
            var attacker = (learner + (i * 997)) % 5_000;
            var geo = new GeoLocation("RU", null, null, null, null, null, 55.75, 37.62, 500, null, 200_000 + (attacker % 50), null);
            var enriched = Enriched(learner, learnerKey, AuthEventType.LoginFailed, first.AddDays(SignIns * 8).AddMinutes(i), Hash("attacker", attacker, 0), geo, 10 + i);
            yield return (enriched, Decision.For(enriched.Event, new RiskAssessment(0, RiskLevel.None, [], "rs-4f0c2a9e1b7d"), []));
        }
    }

    private static EnrichedEvent Enriched(int learner, string learnerKey, AuthEventType type, DateTimeOffset at, string address, GeoLocation geo, int device) => new(
        new AuthEvent(Guid.NewGuid().ToString(), type, at, $"user-{learner:D7}", IPAddress.Parse("198.51.100.7"), FailureReason: type == AuthEventType.LoginFailed ? FailureReason.BadPassword : null),
        new DeviceFingerprint(Hash("device", learner, device), Hash("agent", learner, device), new UserAgentInfo("Firefox", 128, "Windows", 10, DeviceType.Desktop), "Firefox 128 on Windows", true),
        geo,
        new StateKeys(learnerKey, address, $"as{geo.Asn}"));

    /// <summary>Keys shaped like the keyed hashes of <see cref="StateKeyMaker"/>: 24 lower-case hex characters.</summary>
    private static string Hash(string purpose, int id, int n) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}/{id}/{n}")))[..24];
}
