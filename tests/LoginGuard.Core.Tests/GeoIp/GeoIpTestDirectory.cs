using LoginGuard.Tools.GeoIp;

namespace LoginGuard.Core.Tests.GeoIp;

/// <summary>A temporary directory of ranges CSVs and the databases built from them.</summary>
internal sealed class GeoIpTestDirectory : IDisposable
{
    public const string CityHeader =
        "network,geoname_id,city,subdivision_iso,subdivision,country_iso,country,latitude,longitude,accuracy_radius_km,time_zone";

    public const string AsnHeader = "network,asn,organization";

    public static readonly DateTimeOffset BuildTime = new(2026, 11, 2, 8, 30, 0, TimeSpan.Zero);

    public string Root { get; } = Directory.CreateTempSubdirectory("loginguard-geoip-").FullName;

    public string Path(string name) => System.IO.Path.Combine(Root, name);

    public string WriteCsv(string name, params string[] lines)
    {
        var path = Path(name);
        File.WriteAllLines(path, lines);
        return path;
    }

    public string BuildCity(string name, params string[] rows) =>
        Build(GeoIpDatabaseKind.City, name, [CityHeader, .. rows]);

    public string BuildAsn(string name, params string[] rows) =>
        Build(GeoIpDatabaseKind.Asn, name, [AsnHeader, .. rows]);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private string Build(GeoIpDatabaseKind kind, string name, string[] lines)
    {
        var csv = WriteCsv($"{name}.csv", lines);
        var output = Path(name);
        GeoIpDatabaseBuilder.Build(kind, csv, output, BuildTime);
        return output;
    }
}
