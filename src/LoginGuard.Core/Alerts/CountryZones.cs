using System.Globalization;

namespace LoginGuard.Alerts;

/// <summary>
/// The time zone of a place the history knows by country and coordinates only: among the zones the tz database's
/// <c>zone.tab</c> lists for that country, the one whose principal city is nearest. Exact for the many countries
/// with one zone; for the others, right except near a zone boundary. Null when the file or the country is missing.
/// </summary>
internal static class CountryZones
{
    private const string ZoneTab = "/usr/share/zoneinfo/zone.tab";

    private static readonly Lazy<ILookup<string, (double Latitude, double Longitude, string Zone)>> Zones = new(() => Read(ZoneTab));

    public static string? Nearest(string? countryIso, double latitude, double longitude)
    {
        if (string.IsNullOrEmpty(countryIso))
        {
            return null;
        }

        // Degrees are not distances, but scaling longitude by the cosine of latitude is close enough to pick a zone.
        var scale = Math.Cos(latitude * Math.PI / 180);
        return Zones.Value[countryIso.ToUpperInvariant()]
            .OrderBy(z => Math.Pow(z.Latitude - latitude, 2) + Math.Pow((z.Longitude - longitude) * scale, 2))
            .Select(z => z.Zone)
            .FirstOrDefault();
    }

    internal static ILookup<string, (double Latitude, double Longitude, string Zone)> Read(string path)
    {
        // A slim image without the tz database gets no zone from here, and the mail says UTC.
        IEnumerable<string> lines = File.Exists(path) ? File.ReadLines(path) : [];
        return lines
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 3 && Coordinates(fields[1]) is not null)
            .ToLookup(fields => fields[0], fields => (Coordinates(fields[1])!.Value.Latitude, Coordinates(fields[1])!.Value.Longitude, fields[2]));
    }

    // ISO 6709 as zone.tab writes it: ±DDMM[SS]±DDDMM[SS].
    private static (double Latitude, double Longitude)? Coordinates(string text)
    {
        var split = text.IndexOfAny(['+', '-'], 1);
        return split > 0 && Degrees(text[..split], 2) is { } latitude && Degrees(text[split..], 3) is { } longitude
            ? (latitude, longitude)
            : null;
    }

    private static double? Degrees(string text, int degreeDigits)
    {
        var digits = text[1..];
        if (!digits.All(char.IsAsciiDigit) || (digits.Length != degreeDigits + 2 && digits.Length != degreeDigits + 4))
        {
            return null;
        }

        var degrees = int.Parse(digits.AsSpan(0, degreeDigits), CultureInfo.InvariantCulture);
        var minutes = int.Parse(digits.AsSpan(degreeDigits, 2), CultureInfo.InvariantCulture);
        var seconds = digits.Length > degreeDigits + 2 ? int.Parse(digits.AsSpan(degreeDigits + 2), CultureInfo.InvariantCulture) : 0;
        var value = degrees + (minutes / 60.0) + (seconds / 3600.0);
        return text[0] == '-' ? -value : value;
    }
}
