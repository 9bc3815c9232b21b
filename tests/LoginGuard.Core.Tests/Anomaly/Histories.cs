using LoginGuard.Contracts;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;
using LoginGuard.Testing;

namespace LoginGuard.Core.Tests.Anomaly;

/// <summary>Learners with a settled life in Lyon, and the places they might sign in from next.</summary>
internal static class Histories
{
    public static readonly GeoLocation Tokyo = new("JP", "Japan", "13", "Tokyo", 1850147, "Tokyo", 35.6895, 139.6917, 20, "Asia/Tokyo", 2516, "KDDI");

    public static readonly GeoLocation Paris = new("FR", "France", "IDF", "Île-de-France", 2988507, "Paris", 48.8534, 2.3488, 20, "Europe/Paris", 12322, "Free SAS");

    /// <summary>Ten evening sign-ins (19:00 UTC) from Lyon on the laptop, the last one a day before <see cref="Learners.Start"/>.</summary>
    public static LearnerHistory SettledInLyon()
    {
        var first = Learners.Start.AddDays(-10).Date.AddHours(19);
        var last = Learners.Start.AddDays(-1).Date.AddHours(19);
        var lyon = Learners.Lyon;
        return LearnerHistory.Empty with
        {
            Devices = [new KnownValue(Learners.Laptop.Id, first, last, 10)],
            Agents = [new KnownValue(Learners.Laptop.AgentKey, first, last, 10)],
            Addresses = [new KnownValue("address-81.57.10.20", first, last, 10)],
            Networks = [new KnownValue("as12322", first, last, 10)],
            Countries = [new KnownValue("FR", first, last, 10)],
            Places = [new KnownPlace("2996944", lyon.Latitude!.Value, lyon.Longitude!.Value, 20, "FR", first, last, 10)],
            LastSuccess = new LastSignIn(last, lyon.Latitude, lyon.Longitude, 20, "FR"),
            SuccessfulLogins = 10,
        };
    }

    public static EnrichedEvent SignInFrom(GeoLocation geo, DateTimeOffset at, DeviceFingerprint? device = null) =>
        Learners.From(Learners.SignIn("ana", device ?? Learners.Laptop, at), geo, geo == Learners.Lyon ? "address-81.57.10.20" : "address-" + geo.CityName);

    /// <summary>A model's population that lists no browser or network: every one reads as used by no learner.</summary>
    public static Population NoPopulation { get; } = new(0, new Dictionary<string, int>(), new Dictionary<string, int>());

    public static BehaviorSnapshot Snapshot(LearnerHistory history, SourceActivity? address = null) =>
        new(history, address ?? SourceActivity.Empty, SourceActivity.Empty, null);
}
