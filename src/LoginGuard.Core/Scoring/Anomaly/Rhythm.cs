using LoginGuard.State;

namespace LoginGuard.Scoring.Anomaly;

/// <summary>
/// How far an event's hour of day is from the learner's own sign-in hours. State keeps no hour
/// histogram, so the hours are read off the timestamps it does keep (first and last use of each known
/// device, address, network and place, and the last sign-in): a small sample of when this learner signs in.
/// </summary>
internal static class Rhythm
{
    /// <summary>0..12: circular distance in hours (UTC) to the nearest hour the learner is known to sign in at; 0 without history.</summary>
    public static double HourDeviation(DateTimeOffset at, LearnerHistory history)
    {
        var hours = KnownTimes(history).Select(HourOf).ToList();
        if (hours.Count == 0)
        {
            return 0;
        }

        var hour = HourOf(at);
        return hours.Min(h => Math.Min(Math.Abs(hour - h), 24 - Math.Abs(hour - h)));
    }

    private static double HourOf(DateTimeOffset at) => at.UtcDateTime.TimeOfDay.TotalHours;

    private static IEnumerable<DateTimeOffset> KnownTimes(LearnerHistory history)
    {
        var values = history.Devices.Concat(history.Addresses).Concat(history.Networks).Concat(history.Countries);
        foreach (var value in values)
        {
            yield return value.FirstSeen;
            yield return value.LastSeen;
        }

        foreach (var place in history.Places)
        {
            yield return place.FirstSeen;
            yield return place.LastSeen;
        }

        if (history.LastSuccess is { } last)
        {
            yield return last.At;
        }
    }
}
