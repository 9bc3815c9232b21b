using System.Net;
using LoginGuard.Tools.Generation.Geo;

namespace LoginGuard.Core.Tests.Generation;

public sealed class AddressTests
{
    private static readonly IPNetwork[] ListedNetworks = File.ReadLines(Path.Combine(Samples.GeoDirectory, "city-ranges.csv"))
        .Skip(1)
        .Where(line => line.Length > 0)
        .Select(line => IPNetwork.Parse(line.Split(',')[0]))
        .ToArray();

    [Fact]
    public void Every_address_lies_in_a_listed_range_or_a_deliberately_unlisted_one()
    {
        var addresses = Samples.ParsedEvents(Samples.Standard).Select(e => IPAddress.Parse(e.Json.GetProperty("ip").GetString()!));

        addresses.Should().OnlyContain(ip => ListedNetworks.Any(n => n.Contains(ip)) || UnlistedNetworks.All.Any(n => n.Contains(ip)));
    }

    [Fact]
    public void Unlisted_networks_are_public_and_unknown_to_the_geo_sample()
    {
        foreach (var network in UnlistedNetworks.All)
        {
            ListedNetworks.Should().NotContain(listed => listed.Contains(network.BaseAddress) || network.Contains(listed.BaseAddress));
            new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8" }
                .Select(p => IPNetwork.Parse(p))
                .Should().NotContain(p => p.Contains(network.BaseAddress));
        }
    }

    [Fact]
    public void Some_botnet_traffic_comes_from_an_unknown_location()
    {
        Samples.ParsedEvents(Samples.Standard)
            .Where(e => e.Line.Label!.Scenario == "credential-stuffing")
            .Select(e => IPAddress.Parse(e.Json.GetProperty("ip").GetString()!))
            .Should().Contain(ip => UnlistedNetworks.All.Any(n => n.Contains(ip)));
    }

    [Fact]
    public void A_learners_everyday_sign_ins_all_map_to_their_home_country()
    {
        var countriesPerLearner = Samples.ParsedEvents(Samples.Standard)
            .Where(e => e.Line.Label!.Scenario == "normal")
            .GroupBy(e => e.Json.GetProperty("userId").GetString())
            .Select(g => g.Select(e => Samples.Geo.Locate(IPAddress.Parse(e.Json.GetProperty("ip").GetString()!))!.CountryIso).Distinct().Count());

        countriesPerLearner.Should().OnlyContain(count => count == 1);
    }

    [Fact]
    public void Learners_home_lines_include_ipv6_and_phones_use_country_wide_carrier_ranges()
    {
        var addresses = Samples.ParsedEvents(Samples.Standard)
            .Where(e => e.Line.Label!.Scenario == "normal")
            .Select(e => IPAddress.Parse(e.Json.GetProperty("ip").GetString()!))
            .ToList();

        addresses.Should().Contain(ip => ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6);
        addresses.Should().Contain(ip => Samples.Geo.Locate(ip)!.GeoNameId == null);
    }

    [Fact]
    public void Laptops_now_and_then_sign_in_over_their_owners_phone_carrier()
    {
        var tethered = Samples.ParsedEvents(Samples.Standard)
            .Where(e => e.Line.Label!.Scenario == "tethering" && e.Json.GetProperty("type").GetString() == "login.succeeded")
            .ToList();

        tethered.Should().NotBeEmpty();
        tethered.Should().OnlyContain(e => !e.Json.GetProperty("userAgent").GetString()!.Contains("Mobile", StringComparison.Ordinal));
        tethered.Select(e => Samples.Geo.Locate(IPAddress.Parse(e.Json.GetProperty("ip").GetString()!))!)
            .Should().Contain(place => place.GeoNameId == null, "carrier ranges claim only a country");
    }
}
