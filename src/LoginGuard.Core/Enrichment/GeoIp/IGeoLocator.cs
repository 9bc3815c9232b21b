using System.Net;
using LoginGuard.Contracts;

namespace LoginGuard.Enrichment.GeoIp;

/// <summary>Looks an address up; never throws for an address it does not know.</summary>
internal interface IGeoLocator
{
    GeoLocation Locate(IPAddress address);
}
