using System.Globalization;
using System.Net;

namespace LoginGuard.Core.Tests.Generation;

public sealed class TravelTests
{
    private const double AirlinerKmPerHour = 1000;
    private const double CountryWideKm = 500;

    private static readonly (IPNetwork Network, double Lat, double Lon, double RadiusKm)[] Places =
        File.ReadLines(Path.Combine(Samples.GeoDirectory, "city-ranges.csv")).Skip(1).Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(c => (IPNetwork.Parse(c[0]), Number(c[7]), Number(c[8]), Number(c[9])))
            .ToArray();

    [Fact]
    public void A_learners_own_sign_ins_never_outrun_an_airliner()
    {
        // VPN exits are meant to look far away; everything else the learner does must be physically possible,
        // allowing for each range's accuracy radius. Country-wide carrier ranges only claim a country (their
        // coordinates are its centre), so they take no part in speeds.
        var own = Samples.ParsedEvents(Samples.Standard)
            .Where(e => !e.Line.Label!.Attack && e.Line.Label.Scenario != "vpn" && e.Json.GetProperty("type").GetString() == "login.succeeded")
            .Select(e => (User: e.Json.GetProperty("userId").GetString()!, At: e.Json.GetProperty("occurredAt").GetDateTimeOffset(), Place: Locate(e.Json.GetProperty("ip").GetString()!)))
            .Where(e => e.Place.RadiusKm < CountryWideKm)
            .GroupBy(e => e.User);

        foreach (var learner in own)
        {
            var visits = learner.OrderBy(e => e.At).ToList();
            foreach (var (from, to) in visits.Zip(visits.Skip(1)))
            {
                var km = Math.Max(0, Kilometres(from.Place, to.Place) - from.Place.RadiusKm - to.Place.RadiusKm);
                var hours = Math.Max((to.At - from.At).TotalHours, 1.0 / 3600);
                (km / hours).Should().BeLessThanOrEqualTo(AirlinerKmPerHour, $"{learner.Key} moved {km:F0} km between {from.At:O} and {to.At:O}");
            }
        }
    }

    [Fact]
    public void Impossible_travel_is_impossible()
    {
        var events = Samples.ParsedEvents(Samples.Standard).ToList();
        foreach (var jump in events.Where(e => e.Line.Label!.Scenario == "impossible-travel"))
        {
            var user = jump.Json.GetProperty("userId").GetString();
            var at = jump.Json.GetProperty("occurredAt").GetDateTimeOffset();
            var home = events.Where(e => !e.Line.Label!.Attack && e.Json.GetProperty("userId").GetString() == user
                    && e.Json.GetProperty("occurredAt").GetDateTimeOffset() < at)
                .MaxBy(e => e.Json.GetProperty("occurredAt").GetDateTimeOffset());

            var km = Kilometres(Locate(home.Json.GetProperty("ip").GetString()!), Locate(jump.Json.GetProperty("ip").GetString()!));
            var hours = (at - home.Json.GetProperty("occurredAt").GetDateTimeOffset()).TotalHours;
            (km / hours).Should().BeGreaterThan(AirlinerKmPerHour * 3);
        }
    }

    private static (IPNetwork Network, double Lat, double Lon, double RadiusKm) Locate(string ip) =>
        Places.First(p => p.Network.Contains(IPAddress.Parse(ip)));

    private static double Kilometres((IPNetwork, double Lat, double Lon, double) a, (IPNetwork, double Lat, double Lon, double) b)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Radians(b.Lat - a.Lat) / 2), 2)
            + (Math.Cos(Radians(a.Lat)) * Math.Cos(Radians(b.Lat)) * Math.Pow(Math.Sin(Radians(b.Lon - a.Lon) / 2), 2));
        return 2 * 6371 * Math.Asin(Math.Sqrt(h));
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
