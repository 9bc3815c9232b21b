namespace LoginGuard.State;

/// <summary>Something a learner has signed in with or from (a device, address, network, country), by key.</summary>
internal sealed record KnownValue(string Key, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int Count);

/// <summary>A place a learner has signed in from, with where it is and how precisely that is known.</summary>
/// <param name="Key">The city's GeoName id, or <c>cc:XX</c> when only the country is known.</param>
internal sealed record KnownPlace(
    string Key,
    double Latitude,
    double Longitude,
    int AccuracyRadiusKm,
    string? CountryIso,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int Count);

/// <summary>The learner's latest successful sign-in, for travel between consecutive sign-ins.</summary>
internal sealed record LastSignIn(DateTimeOffset At, double? Latitude, double? Longitude, int? AccuracyRadiusKm, string? CountryIso);

/// <summary>
/// A failed sign-in. In a learner's history <see cref="Key"/> is the address it came from; in an address's
/// or network's activity it is the learner it was aimed at. <see cref="EventId"/> makes recording it twice harmless.
/// </summary>
internal sealed record FailedAttempt(DateTimeOffset At, string Key, string EventId)
{
    /// <summary>
    /// The key with its hash, taken once: a sprayed address's failures arrive out of time order across partitions, each
    /// one placed inside the set makes a new list whose learners are counted afresh, and hashing the few hundred keys
    /// again each time (their strings far apart in memory) was an eighth of the worker's CPU in bench pipeline.
    /// </summary>
    internal HashedKey Hashed { get; private init; } = new(Key);

    public string Key
    {
        get => Hashed.Key;
        init => Hashed = new(value);
    }
}

/// <summary>A key and its ordinal hash, for sets and maps of keys that are counted over and over.</summary>
internal readonly struct HashedKey(string key) : IEquatable<HashedKey>
{
    private readonly int hash = StringComparer.Ordinal.GetHashCode(key);

    public string Key { get; } = key;

    public bool Equals(HashedKey other) => hash == other.hash && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is HashedKey other && Equals(other);

    public override int GetHashCode() => hash;
}
