namespace LoginGuard.Tools.GeoIp;

/// <summary>
/// What a database says about itself. Readers check <paramref name="DatabaseType"/>: GeoIP2's
/// City lookups need "City" in it and ASN lookups need "ASN".
/// </summary>
internal sealed record MmdbDatabaseInfo(string DatabaseType, string Description, DateTimeOffset BuildTime);
