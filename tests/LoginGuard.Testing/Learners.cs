using System.Net;
using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Testing;

/// <summary>Builds enriched events the way the pipeline would, without the enrichment stage.</summary>
internal static class Learners
{
    public static readonly DateTimeOffset Start = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);

    private static int sequence;

    public static DeviceFingerprint Laptop { get; } = Device("laptop", "Chrome", "Windows", DeviceType.Desktop, "Chrome 131 on Windows");

    public static DeviceFingerprint Phone { get; } = Device("phone", "Safari", "iOS", DeviceType.Mobile, "Safari on iPhone");

    public static DeviceFingerprint Tablet { get; } = Device("tablet", "Samsung Internet", "Android", DeviceType.Tablet, "Samsung Internet 25 on Android");

    public static DeviceFingerprint Device(string id, string browser, string os, DeviceType type, string description) =>
        new(id, $"agent-{browser}-{os}-{type}", new UserAgentInfo(browser, 131, os, 10, type), description, false);

    /// <summary>A learner who has signed in with these devices before, most recently a day before <see cref="Start"/>.</summary>
    public static LearnerHistory Knowing(params DeviceFingerprint[] devices) => LearnerHistory.Empty with
    {
        Devices = devices.Select(d => new KnownValue(d.Id, Start.AddDays(-3), Start.AddDays(-1), 1)).ToList(),
        Agents = devices.Select(d => d.AgentKey).Distinct().Select(a => new KnownValue(a, Start.AddDays(-3), Start.AddDays(-1), 1)).ToList(),
        SuccessfulLogins = devices.Length,
        LastSuccess = new LastSignIn(Start.AddDays(-1), null, null, null, null),
    };

    public static EnrichedEvent SignIn(string userId, DeviceFingerprint device, DateTimeOffset at) =>
        Event(userId, AuthEventType.LoginSucceeded, device, at);

    public static EnrichedEvent FailedSignIn(string userId, DeviceFingerprint device, DateTimeOffset at) =>
        Event(userId, AuthEventType.LoginFailed, device, at) is var e ? e with { Event = e.Event with { FailureReason = FailureReason.BadPassword } } : e;

    public static readonly GeoLocation Lyon = new("FR", "France", "ARA", "Auvergne-Rhône-Alpes", 2996944, "Lyon", 45.7485, 4.8467, 20, "Europe/Paris", 12322, "Free SAS");

    public static EnrichedEvent From(EnrichedEvent enriched, GeoLocation geo, string address) =>
        enriched with { Geo = geo, Keys = enriched.Keys with { Address = address, Network = geo.Asn is { } asn ? $"as{asn}" : "net-" + address } };

    public static EnrichedEvent Event(string userId, AuthEventType type, DeviceFingerprint device, DateTimeOffset at, string? eventId = null) => new(
        new AuthEvent(
            eventId ?? $"evt-{Interlocked.Increment(ref sequence)}", type, at, userId, IPAddress.Parse("81.57.10.20"),
            "Mozilla/5.0", null, $"{userId}@example.org", "Zoë Müller", "en"),
        device,
        GeoLocation.None,
        new StateKeys("learner-" + userId, "address-81.57.10.20", "as12322"));
}
