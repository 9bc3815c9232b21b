using LoginGuard.Enrichment.GeoIp;
using MaxMind.Db;

namespace LoginGuard.Tools.Training;

/// <summary>
/// The geo databases an offline replay enriches with, found by what each file is (its MaxMind database type),
/// not by its name: a team's GeoLite2-City.mmdb and GeoLite2-ASN.mmdb work as they come from geoipupdate.
/// </summary>
internal sealed record GeoIpFiles(string? City, string? Asn)
{
    /// <summary>Files as given, and every <c>.mmdb</c> in folders as given.</summary>
    /// <param name="problems">What is wrong with the paths, one line each; empty when they can be used.</param>
    public static GeoIpFiles Find(IEnumerable<string> paths, List<string> problems)
    {
        string? city = null;
        string? asn = null;
        var files = paths.SelectMany<string, string>(path => Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.mmdb").Order(StringComparer.Ordinal) : [path]);
        foreach (var file in files.Select(Path.GetFullPath))
        {
            var type = TypeOf(file, problems);
            if (type is null)
            {
                continue;
            }

            if (MaxMindDatabaseKind.City.Accepts(type))
            {
                Take(ref city, file, "City", problems);
            }
            else if (MaxMindDatabaseKind.Asn.Accepts(type))
            {
                Take(ref asn, file, "ASN", problems);
            }
            else
            {
                problems.Add($"--geoip: '{file}' is a {type} database, neither City nor ASN.");
            }
        }

        if (city is null && problems.Count == 0)
        {
            problems.Add("--geoip: no City database found; name a GeoIP2/GeoLite2 City .mmdb (and an ASN one), or a folder holding them.");
        }

        return new GeoIpFiles(city, asn);
    }

    private static string? TypeOf(string file, List<string> problems)
    {
        if (!File.Exists(file))
        {
            problems.Add($"--geoip: '{file}' does not exist.");
            return null;
        }

        try
        {
            using var reader = new Reader(file, FileAccessMode.MemoryMapped);
            return reader.Metadata.DatabaseType;
        }
        catch (Exception e) when (e is InvalidDatabaseException or IOException)
        {
            problems.Add($"--geoip: '{file}' cannot be read as a MaxMind database ({e.Message}).");
            return null;
        }
    }

    private static void Take(ref string? slot, string file, string kind, List<string> problems)
    {
        if (slot is null)
        {
            slot = file;
        }
        else
        {
            problems.Add($"--geoip: two {kind} databases, '{slot}' and '{file}'; name one.");
        }
    }
}
