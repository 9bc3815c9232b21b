using LoginGuard.Alerts;
using LoginGuard.Alerts.Content;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using LoginGuard.Core.Tests.Generation;
using LoginGuard.Core.Tests.Pipeline;
using LoginGuard.State;
using LoginGuard.Testing;
using static LoginGuard.Core.Tests.Alerts.AlertFixtures;

namespace LoginGuard.Core.Tests.Alerts;

/// <summary>Which zone a mail writes its times in: the learner's, never an attacker's.</summary>
public sealed class LearnerZoneTests
{
    private static readonly DateTimeOffset Then = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly GeoLocation LyonCity = Lyon with { CityGeoNameId = 2996944 };

    private static readonly GeoLocation TokyoCity = new(CountryIso: "JP", CountryName: "Japan", CityName: "Tokyo", CityGeoNameId: 1850147, TimeZone: "Asia/Tokyo");

    private static readonly KnownPlace LyonPlace = new("2996944", 45.7485, 4.8467, 20, "FR", Then, Then, 12);

    private static readonly KnownPlace TokyoPlace = new("1850147", 35.6895, 139.6917, 20, "JP", Then, Then, 1);

    [Fact]
    public void A_sign_in_from_the_learners_usual_place_is_told_in_that_places_zone()
    {
        LearnerZone.Of(LyonCity, HistoryAt(LyonPlace, TokyoPlace)).Should().Be("Europe/Paris");
    }

    [Fact]
    public void A_sign_in_from_a_place_the_learner_seldom_uses_is_told_in_the_usual_places_zone_not_in_its_own()
    {
        LearnerZone.Of(TokyoCity, HistoryAt(LyonPlace, TokyoPlace)).Should().Be("Europe/Paris");
    }

    [Fact]
    public void The_usual_place_is_the_most_used_one_not_the_latest()
    {
        var lastWeekInTokyo = TokyoPlace with { LastSeen = Then.AddDays(7), Count = 3 };

        LearnerZone.Of(GeoLocation.None, HistoryAt(LyonPlace, lastWeekInTokyo)).Should().Be("Europe/Paris");
    }

    [Theory]
    [InlineData("US", 40.7143, -74.0060, "America/New_York")]
    [InlineData("US", 34.0522, -118.2437, "America/Los_Angeles")]
    [InlineData("BR", -23.5475, -46.6361, "America/Sao_Paulo")]
    [InlineData("GB", 51.5085, -0.1257, "Europe/London")]
    public void In_a_country_with_several_zones_the_usual_place_takes_the_nearest(string country, double latitude, double longitude, string zone)
    {
        var usual = new KnownPlace("somewhere", latitude, longitude, 20, country, Then, Then, 5);

        LearnerZone.Of(GeoLocation.None, HistoryAt(usual)).Should().Be(zone);
    }

    [Fact]
    public void A_usual_place_the_tz_database_knows_no_zone_for_is_told_in_UTC()
    {
        LearnerZone.Of(GeoLocation.None, HistoryAt(LyonPlace with { CountryIso = "XX" })).Should().BeNull();
    }

    [Fact]
    public void Without_the_tz_database_no_zone_is_guessed()
    {
        CountryZones.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("n"), "zone.tab")).Should().BeEmpty();
    }

    [Fact]
    public void A_learner_with_no_places_yet_is_told_in_UTC()
    {
        LearnerZone.Of(LyonCity, LearnerHistory.Empty).Should().BeNull();
    }

    [Fact]
    public void A_foreign_sign_in_is_written_in_the_learners_zone_and_names_it()
    {
        var text = Build(Alert(geo: TokyoCity, learnerZone: "Europe/Paris")).TextBody;

        text.Should().Contain("When: Tuesday, December 3, 2024 2:05\u202FPM (Europe/Paris)")
            .And.Contain("Approximate location: Tokyo, Japan")
            .And.NotContain("Asia/Tokyo");
    }

    [Fact]
    public void A_foreign_sign_in_of_a_learner_whose_zone_is_unknown_is_written_in_UTC()
    {
        var text = Build(Alert(geo: TokyoCity, learnerZone: null)).TextBody;

        text.Should().Contain("When: Tuesday, December 3, 2024 1:05\u202FPM (UTC)").And.NotContain("Asia/Tokyo");
    }

    [Fact]
    public void The_outbox_keeps_the_learners_zone_with_the_alert()
    {
        var alert = Alert(geo: TokyoCity, learnerZone: "Europe/Paris");

        StoredAlert.Deserialize(StoredAlert.Serialize(alert)).LearnerTimeZone.Should().Be("Europe/Paris");
    }

    [Fact]
    public async Task The_pipeline_tells_changes_at_home_and_abroad_in_the_home_zone_and_a_first_ever_event_in_UTC()
    {
        using var harness = new PipelineHarness(new Dictionary<string, string?>
        {
            ["GeoIp:CityDatabasePath"] = Path.Combine(Samples.GeoDirectory, "sample-city.mmdb"),
            ["GeoIp:AsnDatabasePath"] = Path.Combine(Samples.GeoDirectory, "sample-asn.mmdb"),
        });
        await harness.DecideAsync(Event("first", "mfa.disabled", "81.57.10.20", "2026-09-30T08:00:00Z"));
        await harness.DecideAsync(Event("home-1", "login.succeeded", "81.57.10.20", "2026-10-01T08:00:00Z"));
        await harness.DecideAsync(Event("home-2", "login.succeeded", "81.57.10.20", "2026-10-02T08:00:00Z"));

        await harness.DecideAsync(Event("at-home", "password.changed", "81.57.10.20", "2026-10-03T18:00:00Z"));
        await harness.DecideAsync(Event("abroad", "mfa.disabled", "126.0.4.4", "2026-10-04T18:00:00Z"));

        MailFor(harness, "at-home").Should().Contain("8:00\u202FPM (Europe/Paris)");
        MailFor(harness, "abroad").Should().Contain("8:00\u202FPM (Europe/Paris)").And.Contain("Tokyo, Japan").And.NotContain("Asia/Tokyo");
        MailFor(harness, "first").Should().Contain("8:00\u202FAM (UTC)");
    }

    private static string MailFor(PipelineHarness harness, string eventId) =>
        harness.Mail.Should().ContainSingle(m => m.Headers[AlertMessageBuilder.EventIdHeader] == eventId).Subject.TextBody!;

    private static LearnerHistory HistoryAt(params KnownPlace[] places) => LearnerHistory.Empty with { Places = places };

    private static string Event(string id, string type, string ip, string at) =>
        AuthEvents.Of(id, type, at, ip: ip, userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
}
