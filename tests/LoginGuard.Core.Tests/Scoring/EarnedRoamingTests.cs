using LoginGuard.Core.Tests.Anomaly;
using LoginGuard.Scoring;
using LoginGuard.State;
using LoginGuard.Testing;

namespace LoginGuard.Core.Tests.Scoring;

/// <summary>What in a learner's own history earns the model the right to call a new device abroad ordinary.</summary>
public sealed class EarnedRoamingTests
{
    private static readonly DateTimeOffset Now = Learners.Start.AddDays(20);
    private static readonly DateTimeOffset TripStart = Learners.Start.AddDays(5).AddHours(6);

    [Fact]
    public void A_learner_who_signed_in_abroad_on_a_new_phone_and_kept_using_it_has_earned_it()
    {
        var evidence = EarnedRoaming.Find(TripTo("US", nearLyon: false, phoneKeptFor: TimeSpan.FromDays(3)), Now);

        evidence.Should().NotBeNull();
        evidence!.Count.Should().Be(1);
        evidence.Latest.Should().Be(TripStart);
        evidence.Describe().Should().Contain("1 earlier sign-in on a new device").And.Contain(TripStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_new_device_abroad_used_only_for_minutes_like_a_takeovers_aftermath_earns_nothing()
    {
        EarnedRoaming.Find(TripTo("US", nearLyon: false, phoneKeptFor: TimeSpan.FromMinutes(20)), Now).Should().BeNull();
    }

    [Fact]
    public void A_new_device_in_a_new_place_far_away_in_the_same_country_counts_as_a_roam()
    {
        EarnedRoaming.Find(TripTo("FR", nearLyon: false, phoneKeptFor: TimeSpan.FromDays(1)), Now).Should().NotBeNull();
    }

    [Fact]
    public void A_new_device_in_a_new_place_near_home_is_no_roam()
    {
        EarnedRoaming.Find(TripTo("FR", nearLyon: true, phoneKeptFor: TimeSpan.FromDays(1)), Now).Should().BeNull();
    }

    [Fact]
    public void A_learners_very_first_sign_in_is_not_novelty_and_earns_nothing()
    {
        EarnedRoaming.Find(Histories.SettledInLyon(), Now).Should().BeNull();
    }

    /// <summary>Settled in Lyon, then a phone first seen on the same sign-in as a new place (and, abroad, a new country).</summary>
    private static LearnerHistory TripTo(string country, bool nearLyon, TimeSpan phoneKeptFor)
    {
        var settled = Histories.SettledInLyon();
        var (latitude, longitude) = nearLyon ? (45.76, 5.35) : country == "US" ? (40.71, -74.0) : (48.39, -4.49);
        var place = new KnownPlace(nearLyon ? "near-lyon" : "far-away", latitude, longitude, 20, country, TripStart, TripStart.AddHours(2), 2);
        return settled with
        {
            Devices = [.. settled.Devices, new KnownValue(Learners.Phone.Id, TripStart, TripStart + phoneKeptFor, 4)],
            Countries = country == "FR" ? settled.Countries : [.. settled.Countries, new KnownValue(country, TripStart, TripStart.AddHours(2), 2)],
            Places = [.. settled.Places, place],
        };
    }
}
