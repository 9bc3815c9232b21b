using System.Net;
using LoginGuard.Contracts;

namespace LoginGuard.Enrichment.GeoIp;

/// <summary>Used when no database is configured: every event is enriched with <see cref="GeoLocation.None"/>.</summary>
internal sealed class GeoIpDisabledLocator : IGeoLocator
{
    public GeoLocation Locate(IPAddress address) => GeoLocation.None;
}
