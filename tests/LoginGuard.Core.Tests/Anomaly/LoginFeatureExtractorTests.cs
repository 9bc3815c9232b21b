using LoginGuard.Contracts;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;
using LoginGuard.Testing;

namespace LoginGuard.Core.Tests.Anomaly;

public sealed class LoginFeatureExtractorTests
{
    private static readonly DateTimeOffset Evening = Learners.Start.Date.AddHours(19).AddMinutes(5);

    [Fact]
    public void A_login_from_a_never_seen_country_is_marked_novel()
    {
        var features = Extract(Histories.SignInFrom(Histories.Tokyo, Evening), Histories.SettledInLyon());

        Value(features, "new-country").Should().Be(1);
        Value(features, "new-city").Should().Be(1);
        Value(features, "new-network").Should().Be(1);
    }

    [Fact]
    public void A_login_from_home_on_the_usual_laptop_is_nothing_new()
    {
        var features = Extract(Histories.SignInFrom(Learners.Lyon, Evening), Histories.SettledInLyon());

        foreach (var novelty in new[] { "new-device", "new-address", "new-network", "new-city", "new-country", "unlocated" })
        {
            Value(features, novelty).Should().Be(0, novelty);
        }

        Value(features, "km-from-usual-places-log").Should().Be(0);
    }

    [Fact]
    public void A_login_from_another_city_of_a_known_country_is_a_new_city_but_not_a_new_country()
    {
        var features = Extract(Histories.SignInFrom(Histories.Paris, Evening), Histories.SettledInLyon());

        Value(features, "new-city").Should().Be(1);
        Value(features, "new-country").Should().Be(0);
        Math.Exp(Value(features, "km-from-usual-places-log")).Should().BeInRange(350, 400, "Paris is ≈ 390 km from Lyon, less the two 20 km accuracy radii");
    }

    [Fact]
    public void A_sign_in_in_tokyo_minutes_after_one_in_lyon_travels_faster_than_any_plane()
    {
        var history = Histories.SettledInLyon() with { LastSuccess = new LastSignIn(Evening.AddMinutes(-20), Learners.Lyon.Latitude, Learners.Lyon.Longitude, 20, "FR") };

        var features = Extract(Histories.SignInFrom(Histories.Tokyo, Evening), history);

        (Math.Exp(Value(features, "travel-kmh-log")) - 1).Should().BeGreaterThan(20_000);
    }

    [Fact]
    public void A_sign_in_at_an_hour_the_learner_never_signs_in_deviates_from_their_rhythm()
    {
        var history = Histories.SettledInLyon();

        Value(Extract(Histories.SignInFrom(Learners.Lyon, Evening), history), "hour-deviation").Should().BeLessThan(0.2f);
        Value(Extract(Histories.SignInFrom(Learners.Lyon, Evening.AddHours(-12)), history), "hour-deviation").Should().BeApproximately(12, 0.2f);
    }

    [Fact]
    public void Failures_from_one_address_against_many_learners_in_the_last_hour_are_counted_by_learner()
    {
        var spray = new SourceActivity([.. Enumerable.Range(0, 7).Select(i => new FailedAttempt(Evening.AddMinutes(-i), $"learner-{i % 5}", $"f-{i}"))]);
        var stale = new FailedAttempt(Evening.AddHours(-3), "learner-9", "f-old");

        var features = LoginFeatureExtractor.Extract(
            Learners.Event("ana", AuthEventType.LoginFailed, Learners.Laptop, Evening),
            Histories.Snapshot(Histories.SettledInLyon(), new SourceActivity([.. spray.Failures, stale])),
            Histories.NoPopulation);

        Value(features, "address-failures-1h-log").Should().BeApproximately((float)Math.Log(1 + 7), 1e-5f);
        Value(features, "address-failing-learners-1h-log").Should().BeApproximately((float)Math.Log(1 + 5), 1e-5f);
        Value(features, "failed-login").Should().Be(1);
    }

    [Fact]
    public void A_device_first_seen_minutes_ago_is_young_and_recently_risky()
    {
        var history = Histories.SettledInLyon() with
        {
            Devices = [new KnownValue(Learners.Phone.Id, Evening.AddMinutes(-3), Evening.AddMinutes(-3), 1)],
            LastRiskyLoginAt = Evening.AddMinutes(-3),
        };

        var features = Extract(Learners.From(Learners.Event("ana", AuthEventType.PasswordChanged, Learners.Phone, Evening), Learners.Lyon, "address-81.57.10.20"), history);

        Value(features, "account-change").Should().Be(1);
        Value(features, "new-device").Should().Be(0);
        Value(features, "device-age-hours-log").Should().BeLessThan(0.1f);
        Value(features, "hours-since-risky-sign-in-log").Should().BeLessThan(0.1f);
    }

    [Fact]
    public void Every_named_feature_has_exactly_one_value()
    {
        LoginFeatures.Names.Should().HaveCount(LoginFeatures.Count).And.OnlyHaveUniqueItems();
        Extract(Histories.SignInFrom(Learners.Lyon, Evening), LearnerHistory.Empty).Features.Should().HaveCount(LoginFeatures.Count);
    }

    [Fact]
    public void A_network_and_a_browser_are_as_common_as_the_learners_the_model_saw_using_them()
    {
        var population = new Population(
            900,
            new Dictionary<string, int> { ["Chrome on Windows"] = 400 },
            new Dictionary<string, int> { ["as12322"] = 120 });
        var fromLyon = Learners.From(Histories.SignInFrom(Learners.Lyon, Evening), Learners.Lyon, "address-81.57.10.20");
        var fromElsewhere = Learners.From(Histories.SignInFrom(Histories.Tokyo, Evening, Learners.Phone), Histories.Tokyo, "address-126.0.0.1");

        var common = LoginFeatureExtractor.Extract(fromLyon, Histories.Snapshot(Histories.SettledInLyon()), population);
        var rare = LoginFeatureExtractor.Extract(fromElsewhere, Histories.Snapshot(Histories.SettledInLyon()), population);

        Value(common, "agent-learners-log").Should().BeApproximately((float)Math.Log(1 + 400), 1e-5f);
        Value(common, "network-learners-log").Should().BeApproximately((float)Math.Log(1 + 120), 1e-5f);
        Value(rare, "agent-learners-log").Should().Be(0, "no learner the model saw used Safari on iOS");
        Value(rare, "network-learners-log").Should().Be(0);
    }

    [Fact]
    public void Phones_and_tablets_are_handheld_and_a_laptop_is_not()
    {
        Value(Extract(Histories.SignInFrom(Learners.Lyon, Evening, Learners.Phone), LearnerHistory.Empty), "handheld").Should().Be(1);
        Value(Extract(Histories.SignInFrom(Learners.Lyon, Evening, Learners.Tablet), LearnerHistory.Empty), "handheld").Should().Be(1);
        Value(Extract(Histories.SignInFrom(Learners.Lyon, Evening, Learners.Laptop), LearnerHistory.Empty), "handheld").Should().Be(0);
    }

    [Fact]
    public void A_new_cookie_on_the_learners_own_browser_is_a_known_agent_last_seen_when_the_laptop_was()
    {
        var cleared = Learners.Laptop with { Id = "laptop-after-clearing-cookies" };
        var lastUse = Histories.SettledInLyon().LastSuccess!.At;

        var features = Extract(Histories.SignInFrom(Learners.Lyon, Evening, cleared), Histories.SettledInLyon());

        Value(features, "new-device").Should().Be(1);
        Value(features, "known-agent").Should().Be(1);
        Value(features, "hours-since-agent-seen-log").Should().BeApproximately((float)Math.Log(1 + (Evening - lastUse).TotalHours), 1e-5f);
    }

    [Fact]
    public void A_browser_the_learner_never_ran_is_an_unknown_agent_as_old_as_a_month()
    {
        var features = Extract(Histories.SignInFrom(Learners.Lyon, Evening, Learners.Phone), Histories.SettledInLyon());

        Value(features, "known-agent").Should().Be(0);
        Value(features, "hours-since-agent-seen-log").Should().BeApproximately((float)Math.Log(1 + (24 * 30)), 1e-5f);
    }

    [Fact]
    public void The_platforms_own_app_is_an_app_and_a_browser_is_not()
    {
        var app = Learners.Device("app", "Learnwell app", "Android", DeviceType.App, "Learnwell app 8 on Android");

        Value(Extract(Histories.SignInFrom(Learners.Lyon, Evening, app), LearnerHistory.Empty), "app").Should().Be(1);
        Value(Extract(Histories.SignInFrom(Learners.Lyon, Evening, Learners.Phone), LearnerHistory.Empty), "app").Should().Be(0);
    }

    private static LoginFeatures Extract(EnrichedEvent enriched, LearnerHistory history) =>
        LoginFeatureExtractor.Extract(enriched, Histories.Snapshot(history), Histories.NoPopulation);

    private static float Value(LoginFeatures features, string name) => features.Features[LoginFeatures.Names.ToList().IndexOf(name)];
}
