namespace LoginGuard.Tools.GeoIp;

internal enum GeoIpDatabaseKind
{
    City,
    Asn,
}
