using System.Globalization;
using LoginGuard.Scoring.Rules;
using LoginGuard.State;

namespace LoginGuard.Scoring;

/// <summary>
/// What in a learner's own history earns the model the right to call strong novelty ordinary: earlier
/// sign-ins on a new device in a new country (or a new place far from every place before it), on a device the
/// learner then kept using for at least <see cref="KeptFor"/>. It is read off the history LoginGuard already
/// keeps, with no new field: a device, a country and a place first seen at the same instant were first seen
/// on the same sign-in, because <see cref="HistoryUpdate.Apply"/> stamps them all with the event's time. So
/// every stored format, old ones included, carries the evidence.
/// </summary>
/// <remarks>
/// A takeover's own first sign-in is the same shape. What tells a learner's trip apart is what came after:
/// an attacker's aftermath lasts minutes, while a learner's new phone or cleared browser abroad goes on being
/// used for the rest of the trip and home again. The first sign-in the history holds is never evidence: a
/// first device in a first country is not novelty. A "wasn't me" answer is not kept in the history; it
/// publishes a compromise decision the platform acts on (docs/detection.md says what that leaves open).
/// </remarks>
internal static class EarnedRoaming
{
    /// <summary>How long a device first seen on a roam must have stayed in use to count as the learner's own.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(12);

    /// <summary>A new place counts as a roam this far, less both accuracy radii, from every place known before it.</summary>
    public const double FarKm = 500;

    /// <summary>The earlier roams on a new device the history shows, or null when it shows none.</summary>
    public static RoamingEvidence? Find(LearnerHistory history, DateTimeOffset at)
    {
        var firstSeen = history.Devices.Select(d => d.FirstSeen).Concat(history.Countries.Select(c => c.FirstSeen))
            .Concat(history.Places.Select(p => p.FirstSeen)).DefaultIfEmpty(at).Min();
        var roams = history.Devices
            .Where(d => d.FirstSeen > firstSeen && d.FirstSeen < at && d.LastSeen - d.FirstSeen >= KeptFor)
            .Where(d => history.Countries.Any(c => c.FirstSeen == d.FirstSeen) || FarPlaceFirstSeenAt(history.Places, d.FirstSeen))
            .Select(d => d.FirstSeen)
            .ToList();
        return roams.Count == 0 ? null : new RoamingEvidence(roams.Count, roams.Max());
    }

    private static bool FarPlaceFirstSeenAt(IReadOnlyList<KnownPlace> places, DateTimeOffset at) =>
        places.Any(p => p.FirstSeen == at
            && places.Where(q => q.FirstSeen < at).ToList() is { Count: > 0 } before
            && before.All(q => GreatCircle.SurelyApartKm(GreatCircle.DistanceKm(p.Latitude, p.Longitude, q.Latitude, q.Longitude), p.AccuracyRadiusKm, q.AccuracyRadiusKm) > FarKm));
}

/// <summary>How many earlier roams on a new device a learner's history shows, and when the latest began.</summary>
internal sealed record RoamingEvidence(int Count, DateTimeOffset Latest)
{
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"this learner's history shows {Count} earlier sign-in{(Count == 1 ? "" : "s")} on a new device abroad or far away, kept in use afterwards (latest {Latest:yyyy-MM-dd})");
}
