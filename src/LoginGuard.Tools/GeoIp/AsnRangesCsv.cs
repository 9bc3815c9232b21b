namespace LoginGuard.Tools.GeoIp;

/// <summary>Turns ASN ranges into records in MaxMind's GeoLite2 ASN schema.</summary>
internal static class AsnRangesCsv
{
    public static readonly IReadOnlyList<string> Columns = ["network", "asn", "organization"];

    public static IEnumerable<MmdbEntry> Read(string path) =>
        CsvRangeFile.Read(path, Columns).Select(row => new MmdbEntry(row.Network(), ToRecord(row)));

    private static MmdbMap ToRecord(CsvRangeRow row)
    {
        var record = new MmdbMap();
        record.AddIfPresent("autonomous_system_number", row.UInt32("asn", "an AS number (a whole number without 'AS')"));
        record.AddIfPresent("autonomous_system_organization", row.Text("organization"));
        return record;
    }
}
