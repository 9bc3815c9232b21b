using System.Globalization;
using LoginGuard.Contracts;

namespace LoginGuard.Tools.Evaluation;

/// <summary>
/// The naive novelty baseline a platform could write in an afternoon: four flags, each worth a quarter —
/// a device id, a country or a city the learner never signed in with before (once they have signed in at
/// all), and failures from the event's address in the last hour (a tenth of a flag per failure, at most one).
/// Two flags reach 0.5, Medium under the default levels; three and a busy address, High. It keeps its own
/// memory of every learner's successful sign-ins, with no lookback and no minimum history beyond the first.
/// </summary>
internal sealed class NaiveNoveltyScorer
{
    private static readonly TimeSpan FailureWindow = TimeSpan.FromHours(1);
    private const double FailuresForAFullFlag = 10;

    private readonly Dictionary<string, Seen> learners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> failuresByAddress = new(StringComparer.Ordinal);

    public double Score(EnrichedEvent enriched)
    {
        var (newDevice, newCountry, newCity) = Novelty(enriched);
        var failures = FailuresFrom(enriched.Event.Ip.ToString(), enriched.Event.OccurredAt);
        return (Flag(newDevice) + Flag(newCountry) + Flag(newCity) + Math.Min(1, failures / FailuresForAFullFlag)) / 4;
    }

    /// <summary>A sign-in on a device id the learner never used, in a country they never used, after at least one sign-in of theirs.</summary>
    public bool NewDeviceInNewCountry(EnrichedEvent enriched) =>
        enriched.Event.IsSuccessfulLogin && Novelty(enriched) is (true, true, _);

    public void Record(EnrichedEvent enriched)
    {
        var authEvent = enriched.Event;
        if (authEvent.Type == AuthEventType.LoginFailed)
        {
            var address = authEvent.Ip.ToString();
            if (!failuresByAddress.TryGetValue(address, out var times))
            {
                failuresByAddress[address] = times = new Queue<DateTimeOffset>();
            }

            times.Enqueue(authEvent.OccurredAt);
            return;
        }

        if (!authEvent.IsSuccessfulLogin)
        {
            return;
        }

        if (!learners.TryGetValue(authEvent.UserId, out var seen))
        {
            learners[authEvent.UserId] = seen = new Seen();
        }

        seen.Devices.Add(DeviceOf(enriched));
        seen.Countries.Add(enriched.Geo.CountryIso ?? "?");
        seen.Cities.Add(CityOf(enriched));
    }

    private (bool Device, bool Country, bool City) Novelty(EnrichedEvent enriched)
    {
        if (!enriched.Event.IsSuccessfulLogin || !learners.TryGetValue(enriched.Event.UserId, out var seen))
        {
            return (false, false, false);
        }

        return (!seen.Devices.Contains(DeviceOf(enriched)), !seen.Countries.Contains(enriched.Geo.CountryIso ?? "?"), !seen.Cities.Contains(CityOf(enriched)));
    }

    private int FailuresFrom(string address, DateTimeOffset at)
    {
        if (!failuresByAddress.TryGetValue(address, out var times))
        {
            return 0;
        }

        while (times.TryPeek(out var oldest) && oldest < at - FailureWindow)
        {
            times.Dequeue();
        }

        return times.Count;
    }

    // The id the client sent, or the user agent when it sent none: what a naive platform would call the device.
    private static string DeviceOf(EnrichedEvent enriched) => enriched.Event.DeviceId ?? "ua:" + enriched.Event.UserAgent;

    private static string CityOf(EnrichedEvent enriched) =>
        enriched.Geo.CityGeoNameId?.ToString(CultureInfo.InvariantCulture) ?? "cc:" + enriched.Geo.CountryIso;

    private static double Flag(bool value) => value ? 1 : 0;

    private sealed class Seen
    {
        public HashSet<string> Devices { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Countries { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Cities { get; } = new(StringComparer.Ordinal);
    }
}
