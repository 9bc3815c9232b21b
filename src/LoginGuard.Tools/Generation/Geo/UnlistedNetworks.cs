using System.Net;

namespace LoginGuard.Tools.Generation.Geo;

/// <summary>
/// Public networks deliberately absent from the sample databases, so some botnet traffic has an
/// "unknown location" as real traffic from unmapped blocks does. Private ranges are never used: no
/// public login arrives from 10.x.
/// </summary>
internal static class UnlistedNetworks
{
    public static readonly IPNetwork[] All =
    [
        IPNetwork.Parse("5.188.0.0/16"),
        IPNetwork.Parse("103.251.0.0/16"),
        IPNetwork.Parse("196.251.0.0/16"),
    ];
}
