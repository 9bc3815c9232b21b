using LoginGuard.Tools.GeoIp;
using MaxMind.Db;
using MaxMind.GeoIP2;

namespace LoginGuard.Core.Tests.GeoIp;

public sealed class GeoIpSampleDatabaseTests
{
    private static readonly string Samples = FindSamples();

    [Fact]
    public void The_committed_city_sample_answers_every_row_of_its_csv()
    {
        using var reader = new DatabaseReader(Path.Combine(Samples, "sample-city.mmdb"), FileAccessMode.MemoryMapped);

        foreach (var entry in CityRangesCsv.Read(Path.Combine(Samples, "city-ranges.csv")))
        {
            var city = reader.City(entry.Network.BaseAddress);
            var expected = new
            {
                City = Value(entry.Record, "city", "names", "en"),
                Country = Value(entry.Record, "country", "iso_code"),
                Radius = Value(entry.Record, "location", "accuracy_radius"),
            };
            new { City = (object?)city.City.Name, Country = (object?)city.Country.IsoCode, Radius = (object?)(ushort?)city.Location.AccuracyRadius }
                .Should().BeEquivalentTo(expected, $"{entry.Network} must be in the sample; rebuild it after editing the CSV");
        }
    }

    [Fact]
    public void The_committed_asn_sample_answers_every_row_of_its_csv()
    {
        using var reader = new DatabaseReader(Path.Combine(Samples, "sample-asn.mmdb"), FileAccessMode.MemoryMapped);

        foreach (var entry in AsnRangesCsv.Read(Path.Combine(Samples, "asn-ranges.csv")))
        {
            var asn = reader.Asn(entry.Network.BaseAddress);
            new { Number = (object?)(uint?)asn.AutonomousSystemNumber, Organization = (object?)asn.AutonomousSystemOrganization }
                .Should().BeEquivalentTo(
                    new { Number = Value(entry.Record, "autonomous_system_number"), Organization = Value(entry.Record, "autonomous_system_organization") },
                    $"{entry.Network} must be in the sample; rebuild it after editing the CSV");
        }
    }

    private static object? Value(MmdbMap map, params string[] path)
    {
        object? value = map;
        foreach (var key in path)
        {
            value = (value as MmdbMap)?.FirstOrDefault(pair => pair.Key == key).Value;
        }

        return value;
    }

    private static string FindSamples()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var samples = Path.Combine(directory.FullName, "data-samples", "geoip");
            if (Directory.Exists(samples))
            {
                return samples;
            }
        }

        throw new DirectoryNotFoundException($"No data-samples/geoip above {AppContext.BaseDirectory}.");
    }
}
