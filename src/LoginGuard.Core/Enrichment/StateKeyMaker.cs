using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LoginGuard.Contracts;
using LoginGuard.Privacy;

namespace LoginGuard.Enrichment;

/// <summary>Derives an event's <see cref="StateKeys"/>; 24 hex characters (96 bits) keep keys short in Redis without collisions in practice.</summary>
internal sealed class StateKeyMaker(KeyedHasher hasher)
{
    public const string AddressPurpose = "address";
    public const string NetworkPurpose = "network";
    private const string AsnPrefix = "as";
    /// <summary>Hex characters kept of a keyed hash that files state: 96 bits, short in Redis, without collisions in practice.</summary>
    public const int KeyLength = 24;

    /// <summary>The key makers of the hash keys rotated out (<see cref="KeyedHasher.Previous"/>): empty unless a rotation is under way.</summary>
    public IReadOnlyList<StateKeyMaker> Previous { get; } = [.. hasher.Previous.Select(previous => new StateKeyMaker(previous))];

    /// <summary>The hasher these keys are made with.</summary>
    public KeyedHasher Hasher => hasher;

    public StateKeys For(AuthEvent authEvent, GeoLocation geo) => new(
        Learner(authEvent.UserId),
        hasher.Hash(AddressPurpose, authEvent.Ip.ToString())[..KeyLength],
        geo.Asn is { } asn ? AsnPrefix + asn.ToString(CultureInfo.InvariantCulture) : hasher.Hash(NetworkPurpose, Prefix(authEvent.Ip))[..KeyLength]);

    /// <summary>Whether a network key is an ASN, the same in every deployment, rather than a keyed hash of a prefix.</summary>
    public static bool IsAsn(string networkKey) => networkKey.StartsWith(AsnPrefix, StringComparison.Ordinal);

    public string Learner(string userId) => hasher.Hash(KeyedHasher.UserPurpose, userId)[..KeyLength];

    /// <summary>The block an ISP hands one customer or a botnet rents: /24 for IPv4, /48 for IPv6.</summary>
    private static string Prefix(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var keep = address.AddressFamily == AddressFamily.InterNetwork ? 3 : 6;
        Array.Clear(bytes, keep, bytes.Length - keep);
        return $"{new IPAddress(bytes)}/{keep * 8}";
    }
}
