using System.Net;

namespace LoginGuard.Tools.GeoIp;

/// <summary>A network and the record that addresses inside it resolve to.</summary>
internal sealed record MmdbEntry(IPNetwork Network, MmdbMap Record);
