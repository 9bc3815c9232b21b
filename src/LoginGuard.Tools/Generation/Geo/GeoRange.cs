using System.Net;

namespace LoginGuard.Tools.Generation.Geo;

/// <summary>
/// One row of the sample city database: a network and the place the replay maps it to. Places are told
/// apart by GeoName id, never by name, as LoginGuard's own state is.
/// </summary>
internal sealed record GeoRange(
    IPNetwork Network,
    long? GeoNameId,
    string CountryIso,
    double Latitude,
    double Longitude,
    string TimeZone,
    long? Asn)
{
    public bool HasCity => GeoNameId is not null;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public double KilometresTo(GeoRange other)
    {
        const double EarthRadiusKm = 6371;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(a));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
