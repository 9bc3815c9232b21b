using System.Net;

namespace LoginGuard.Enrichment.GeoIp;

/// <summary>
/// Addresses no geo database can place: private, loopback, link-local, documentation, shared
/// and reserved ranges (IANA special-purpose registries). They are answered without a lookup.
/// </summary>
internal static class GeoIpAddressScope
{
    private static readonly IPNetwork[] NotPublic =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/8", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    /// <summary>Expects IPv4-mapped IPv6 addresses to be mapped back to IPv4 first.</summary>
    public static bool IsPublic(IPAddress address) => !NotPublic.Any(network => network.Contains(address));
}
