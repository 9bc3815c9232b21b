namespace LoginGuard.Tools.GeoIp;

/// <summary>Builds a City or ASN database from a ranges CSV, for a team's own VPN and office egress ranges.</summary>
internal static class GeoIpDatabaseBuilder
{
    public static GeoIpBuildResult Build(GeoIpDatabaseKind kind, string rangesPath, string outputPath, DateTimeOffset buildTime)
    {
        var (databaseType, entries) = kind switch
        {
            GeoIpDatabaseKind.City => ("GeoIP2-City", CityRangesCsv.Read(rangesPath).ToList()),
            GeoIpDatabaseKind.Asn => ("GeoLite2-ASN", AsnRangesCsv.Read(rangesPath).ToList()),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown database kind."),
        };

        var description = $"LoginGuard {databaseType} built from {Path.GetFileName(rangesPath)}";
        MmdbWriter.WriteAtomically(outputPath, new MmdbDatabaseInfo(databaseType, description, buildTime), entries);
        return new GeoIpBuildResult(databaseType, entries.Count);
    }
}
