using System.Net;
using LoginGuard.Tools.Generation;
using LoginGuard.Tools.Generation.Profiles;

namespace LoginGuard.Core.Tests.Generation;

/// <summary>The shifted generator profiles differ from the training one in what they say, and only there.</summary>
public sealed class ProfileTests
{
    private static readonly GenerationSettings Base = new(Users: 120, Days: 30, Seed: 7, Start: new DateOnly(2026, 10, 1));

    [Fact]
    public void The_training_profile_named_explicitly_writes_the_stream_the_generator_always_wrote()
    {
        Samples.Generate(Base with { Profile = TrainingProfile.Profile }).Jsonl().Should().Be(Samples.Generate(Base).Jsonl());
    }

    [Fact]
    public void The_shifted_population_lives_in_other_countries_clears_cookies_more_and_shares_carrier_addresses()
    {
        var training = Legitimate(Base);
        var shifted = Legitimate(Base with { Profile = ShiftedProfiles.Population });

        shifted.Select(e => Samples.Geo.Locate(e.Ip)!.CountryIso).Where(c => c is "FR" or "GB" or "DE" or "ES" or "PT" or "NL" or "RU")
            .Should().HaveCountLessThan(shifted.Count / 10, "homes are outside Europe; only trips go there");
        Share(shifted, "cookie-reset").Should().BeGreaterThan(2 * Share(training, "cookie-reset"));
        Share(shifted, "travel").Should().BeGreaterThan(2 * Share(training, "travel"));
        var carrier = shifted.Where(e => e.Ip.ToString().StartsWith("172.56.", StringComparison.Ordinal)).ToList();
        carrier.Should().NotBeEmpty();
        carrier.Select(e => e.Ip).Distinct().Should().HaveCountLessThanOrEqualTo(ShiftedProfiles.Population.CarrierNatAddresses);
        carrier.GroupBy(e => e.Ip).Should().Contain(g => g.Select(e => e.UserId).Distinct().Count() > 1, "learners share NAT addresses");
    }

    [Fact]
    public void The_shifted_tactics_add_takeovers_that_copy_the_victims_device_and_the_training_profile_has_none()
    {
        string[] copied = ["home-isp-proxy-takeover", "carrier-lookalike-takeover", "copied-device-abroad"];

        Scenarios(Base with { Profile = ShiftedProfiles.Tactics }).Should().Contain(copied);
        Scenarios(Base).Should().NotContain(copied);
    }

    [Fact]
    public void With_the_new_learners_profile_most_learners_first_sign_in_well_into_the_window()
    {
        var firstDays = Legitimate(Base with { Profile = ShiftedProfiles.NewLearners })
            .GroupBy(e => e.UserId).Select(g => g.Min(e => e.At)).ToList();

        firstDays.Count(d => d > Base.Start.ToDateTime(TimeOnly.MinValue).AddDays(5)).Should().BeGreaterThan(firstDays.Count / 2);
    }

    private static double Share(List<Event> events, string scenario) => events.Count(e => e.Scenario == scenario) / (double)events.Count;

    private static HashSet<string> Scenarios(GenerationSettings settings) =>
        Samples.Generate(settings).Events.Where(e => e.Label!.Attack).Select(e => e.Label!.Scenario).ToHashSet();

    private static List<Event> Legitimate(GenerationSettings settings) =>
        Samples.ParsedEvents(Samples.Generate(settings)).Where(e => !e.Line.Label!.Attack).Select(e => new Event(
            e.Json.GetProperty("userId").GetString()!,
            IPAddress.Parse(e.Json.GetProperty("ip").GetString()!),
            e.Json.GetProperty("occurredAt").GetDateTime(),
            e.Line.Label!.Scenario)).ToList();

    private sealed record Event(string UserId, IPAddress Ip, DateTime At, string Scenario);
}
