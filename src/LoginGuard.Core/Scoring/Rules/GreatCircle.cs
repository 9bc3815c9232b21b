namespace LoginGuard.Scoring.Rules;

/// <summary>Distances on the Earth's surface; geo-IP is too coarse for anything finer than a sphere to matter.</summary>
internal static class GreatCircle
{
    private const double EarthRadiusKm = 6371.0;

    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The least the two points can be apart given how precisely each is known: never below zero.</summary>
    public static double SurelyApartKm(double distanceKm, int? accuracy1Km, int? accuracy2Km) =>
        Math.Max(0, distanceKm - (accuracy1Km ?? 0) - (accuracy2Km ?? 0));

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
