using System.Globalization;
using System.Net;

namespace LoginGuard.Tools.Generation.Geo;

/// <summary>
/// The sample geo databases read as the generator needs them: where learners live, where their phones
/// roam, and where hosting and anonymising networks sit. Reading the CSVs rather than a copy of them
/// keeps every generated address inside a range the replay's databases will map to the right city.
/// </summary>
internal sealed class GeoCatalogue
{
    // The CSVs carry no "hosting" flag; these are the sample's hosting/VPN/Tor-like operators.
    private static readonly HashSet<long> HostingAsns = [200651, 60729];

    private readonly IReadOnlyList<GeoRange> ranges;

    private GeoCatalogue(IReadOnlyList<GeoRange> ranges)
    {
        this.ranges = ranges;
        Cities = ranges.Where(r => r.HasCity && !IsHosting(r) && IsV4(r)).ToList();
        Hosting = ranges.Where(IsHosting).ToList();
    }

    /// <summary>IPv4 city ranges of consumer ISPs: where learners live and travel.</summary>
    public IReadOnlyList<GeoRange> Cities { get; }

    public IReadOnlyList<GeoRange> Hosting { get; }

    public static GeoCatalogue Load(string directory)
    {
        var asns = ReadRows(Path.Combine(directory, "asn-ranges.csv"))
            .Select(row => (Network: IPNetwork.Parse(row[0]), Asn: long.Parse(row[1], CultureInfo.InvariantCulture)))
            .ToList();
        var ranges = ReadRows(Path.Combine(directory, "city-ranges.csv")).Select(row =>
        {
            var network = IPNetwork.Parse(row[0]);
            var asn = asns.Where(a => a.Network.Contains(network.BaseAddress)).Select(a => (long?)a.Asn).FirstOrDefault();
            return new GeoRange(
                network,
                row[1].Length == 0 ? null : long.Parse(row[1], CultureInfo.InvariantCulture),
                row[5],
                double.Parse(row[7], CultureInfo.InvariantCulture),
                double.Parse(row[8], CultureInfo.InvariantCulture),
                row[10],
                asn);
        });
        return new GeoCatalogue(ranges.ToList());
    }

    /// <summary>The country-wide mobile-carrier range, if the sample has one for the country.</summary>
    public GeoRange? MobileRange(string countryIso) =>
        ranges.FirstOrDefault(r => !r.HasCity && !IsHosting(r) && IsV4(r) && r.CountryIso == countryIso);

    /// <summary>The IPv6 range of the same city, for learners whose home line is dual-stack.</summary>
    public GeoRange? V6RangeOf(GeoRange city) =>
        ranges.FirstOrDefault(r => r.GeoNameId == city.GeoNameId && !IsV4(r));

    public GeoRange? Locate(IPAddress address) => ranges.FirstOrDefault(r => r.Network.Contains(address));

    private static bool IsHosting(GeoRange range) => range.Asn is { } asn && HostingAsns.Contains(asn);

    private static bool IsV4(GeoRange range) =>
        range.Network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;

    private static IEnumerable<string[]> ReadRows(string path) =>
        File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(line => line.Split(','));
}
