using System.Globalization;
using LoginGuard.Contracts;

namespace LoginGuard.Alerts.Content;

/// <summary>How the when and where of an event are written for a learner.</summary>
internal static class AlertFacts
{
    /// <summary>
    /// The event time in the learner's zone (<see cref="LearnerZone"/>) when it is known, else UTC, always naming the
    /// zone so nobody has to guess: "mardi 3 décembre 2024 14:05 (Europe/Paris)".
    /// </summary>
    public static string LocalTime(DateTimeOffset occurredAt, string? timeZoneId, CultureInfo culture)
    {
        var zone = FindZone(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(occurredAt, zone);
        var zoneName = zone == TimeZoneInfo.Utc ? "UTC" : timeZoneId;
        return $"{local.ToString("f", culture)} ({zoneName})";
    }

    /// <summary>"Lyon, France", or whichever of the two is known; null when unknown. Coordinates are never shown: they look precise and are not.</summary>
    public static string? Place(MailedPlace place)
    {
        var city = SafeText.Clean(place.CityName);
        var country = SafeText.Clean(place.CountryName);
        return (city.Length, country.Length) switch
        {
            ( > 0, > 0) => $"{city}, {country}",
            ( > 0, 0) => city,
            (0, > 0) => country,
            _ => null,
        };
    }

    private static TimeZoneInfo FindZone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
