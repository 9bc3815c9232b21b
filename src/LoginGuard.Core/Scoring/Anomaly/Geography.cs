using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Scoring.Anomaly;

/// <summary>Distances on the globe, net of how imprecisely each place is known, so a vague geo-IP fix is not mistaken for a journey.</summary>
internal static class Geography
{
    private const double EarthRadiusKm = 6371.0;

    /// <summary>Below this, two sign-ins are treated as a minute apart: a clock skew of seconds is not a jet.</summary>
    private static readonly TimeSpan ShortestGap = TimeSpan.FromMinutes(1);

    public static double KilometresFromNearest(GeoLocation geo, IReadOnlyList<KnownPlace> places)
    {
        if (geo.Latitude is not { } latitude || geo.Longitude is not { } longitude || places.Count == 0)
        {
            return 0;
        }

        return places.Min(p => Math.Max(0, Kilometres(latitude, longitude, p.Latitude, p.Longitude) - p.AccuracyRadiusKm - (geo.AccuracyRadiusKm ?? 0)));
    }

    public static double TravelSpeedKmh(GeoLocation geo, DateTimeOffset at, LastSignIn? last)
    {
        if (geo.Latitude is not { } latitude || geo.Longitude is not { } longitude || last?.Latitude is not { } fromLatitude || last.Longitude is not { } fromLongitude)
        {
            return 0;
        }

        var km = Math.Max(0, Kilometres(latitude, longitude, fromLatitude, fromLongitude) - (last.AccuracyRadiusKm ?? 0) - (geo.AccuracyRadiusKm ?? 0));
        var gap = (at - last.At).Duration();
        return km / (gap < ShortestGap ? ShortestGap : gap).TotalHours;
    }

    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
