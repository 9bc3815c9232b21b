using LoginGuard.Contracts;

namespace LoginGuard.State;

/// <summary>Capped, most-recently-used lists of known values, aged out by event time.</summary>
internal static class Known
{
    public static IReadOnlyList<KnownValue> Upsert(IReadOnlyList<KnownValue> values, string key, DateTimeOffset at, int max, DateTimeOffset horizon)
    {
        var updated = values.Select(v => v.Key == key ? v with { FirstSeen = Earliest(v.FirstSeen, at), LastSeen = Latest(v.LastSeen, at), Count = v.Count + 1 } : v).ToList();
        if (!updated.Exists(v => v.Key == key))
        {
            updated.Add(new KnownValue(key, at, at, 1));
        }

        return updated.Where(v => v.LastSeen >= horizon).OrderByDescending(v => v.LastSeen).ThenBy(v => v.Key, StringComparer.Ordinal).Take(max).ToList();
    }

    public static IReadOnlyList<KnownPlace> UpsertPlace(IReadOnlyList<KnownPlace> places, GeoLocation geo, DateTimeOffset at, int max, DateTimeOffset horizon)
    {
        if (PlaceKey(geo) is not { } key || geo.Latitude is not { } latitude || geo.Longitude is not { } longitude)
        {
            return places;
        }

        var updated = places.Select(p => p.Key == key ? p with { FirstSeen = Earliest(p.FirstSeen, at), LastSeen = Latest(p.LastSeen, at), Count = p.Count + 1 } : p).ToList();
        if (!updated.Exists(p => p.Key == key))
        {
            updated.Add(new KnownPlace(key, latitude, longitude, geo.AccuracyRadiusKm ?? 0, geo.CountryIso, at, at, 1));
        }

        return updated.Where(p => p.LastSeen >= horizon).OrderByDescending(p => p.LastSeen).ThenBy(p => p.Key, StringComparer.Ordinal).Take(max).ToList();
    }

    public static IReadOnlyList<KnownValue> Within(IReadOnlyList<KnownValue> values, DateTimeOffset horizon) =>
        values.All(v => v.LastSeen >= horizon) ? values : values.Where(v => v.LastSeen >= horizon).ToList();

    /// <summary>A city by its GeoName id; a place known only to the country by the country (its centroid is all there is).</summary>
    public static string? PlaceKey(GeoLocation geo) =>
        geo.CityGeoNameId is { } city ? city.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : geo.CountryIso is { } country ? "cc:" + country
        : null;

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
