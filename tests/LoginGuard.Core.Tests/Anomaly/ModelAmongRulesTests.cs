using LoginGuard.Contracts;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;
using LoginGuard.Testing;
using static LoginGuard.Core.Tests.Scoring.ScoringFixture;

namespace LoginGuard.Core.Tests.Anomaly;

/// <summary>How <see cref="RiskScorer"/> weighs the trained model with the rules: it adds its weight, and it vouches for what it finds ordinary.</summary>
public sealed class ModelAmongRulesTests(TinyModel tiny) : IClassFixture<TinyModel>, IDisposable
{
    private static readonly DateTimeOffset Evening = Learners.Start.Date.AddHours(19).AddMinutes(5);
    private static readonly Dictionary<string, string?> LoudNewDevice = Rule("new-device", ("Kind", "NewDevice"), ("Weight", "0.9"));
    private static readonly Dictionary<string, string?> NewCountry = Rule("new-country", ("Kind", "NewCountry"), ("MinimumHistory", "1"), ("Weight", "0.2"));
    private readonly AnomalyModelStore store = new();

    [Fact]
    public void A_new_phone_at_home_that_the_model_finds_ordinary_is_not_stepped_up_and_the_decision_says_why()
    {
        var phoneAtHome = Histories.SignInFrom(Learners.Lyon, Evening, Learners.Phone);
        var snapshot = Histories.Snapshot(Histories.SettledInLyon());

        var rulesOnly = Scorer(LoudNewDevice).Assess(phoneAtHome, snapshot);
        var combined = Scorer(Model(), LoudNewDevice).Assess(phoneAtHome, snapshot);

        rulesOnly.Level.Should().Be(RiskLevel.High);
        combined.Level.Should().BeOneOf(RiskLevel.None, RiskLevel.Low);
        combined.Reasons.Should().Contain(r => r.Rule == "new-device")
            .And.ContainSingle(r => r.Rule == "anomaly-model" && r.Detail.Contains("rules count ×") && !r.Simulated);
    }

    [Fact]
    public void A_sign_in_the_model_finds_unusual_keeps_the_rules_in_full_and_adds_the_models_weight()
    {
        var combined = Scorer(Model(), NewCountry).Assess(Histories.SignInFrom(Histories.Tokyo, Evening), Histories.Snapshot(Histories.SettledInLyon()));

        var model = combined.Reasons.Should().ContainSingle(r => r.Rule == "anomaly-model").Subject;
        model.Score.Should().BeGreaterThan(0.05);
        combined.Score.Should().Be(Math.Round(1 - ((1 - 0.2) * (1 - (0.8 * model.Score))), 6));
        combined.Level.Should().Be(RiskLevel.High);
    }

    [Theory]
    [InlineData(0.0, 2)]
    [InlineData(0.05, 20)]
    public void With_vouching_off_or_for_a_learner_it_has_seen_too_little_of_the_model_only_adds_to_the_rules(double vouchBelow, int minSignIns)
    {
        var combined = Scorer(Model(vouchBelow, minSignIns: minSignIns), LoudNewDevice)
            .Assess(Histories.SignInFrom(Learners.Lyon, Evening, Learners.Phone), Histories.Snapshot(Histories.SettledInLyon()));

        combined.Score.Should().BeGreaterThanOrEqualTo(0.9);
        combined.Reasons.Should().NotContain(r => r.Detail.Contains("rules count"));
    }

    [Fact]
    public void A_simulated_model_is_reported_but_moves_nothing()
    {
        var tokyo = Histories.SignInFrom(Histories.Tokyo, Evening, Learners.Phone);
        var snapshot = Histories.Snapshot(Histories.SettledInLyon());

        var combined = Scorer(Model(mode: RuleMode.Simulate), LoudNewDevice, NewCountry).Assess(tokyo, snapshot);

        combined.Score.Should().Be(Scorer(LoudNewDevice, NewCountry).Assess(tokyo, snapshot).Score);
        combined.Reasons.Should().ContainSingle(r => r.Rule == "anomaly-model" && r.Simulated);
    }

    [Fact]
    public void Counted_failures_are_evidence_the_model_never_discounts()
    {
        var failures = Rule("brute-force", ("Kind", "FailedLogins"), ("GroupBy", "Learner"), ("Window", "01:00:00"), ("Threshold", "3"), ("Weight", "0.6"));
        var history = Histories.SettledInLyon() with
        {
            Failures = [.. Enumerable.Range(1, 4).Select(i => new FailedAttempt(Evening.AddMinutes(-i), "address-81.57.10.20", $"f{i}"))],
        };
        var failedAtHome = Learners.From(Learners.FailedSignIn("ana", Learners.Laptop, Evening), Learners.Lyon, "address-81.57.10.20");
        var model = Model();

        var combined = Scorer(model, failures).Assess(failedAtHome, Histories.Snapshot(history));

        model.TrustInRules(model.Judge(failedAtHome, Histories.Snapshot(history))).Should().BeLessThan(1, "the model finds a failure at home ordinary");
        combined.Reasons.Should().Contain(r => r.Rule == "brute-force");
        combined.Score.Should().BeGreaterThanOrEqualTo(0.6);
    }

    [Fact]
    public void A_model_that_finds_a_new_device_in_a_new_country_ordinary_may_not_discount_it_for_a_learner_who_never_roamed()
    {
        var model = Model();
        var tokyo = Histories.SignInFrom(Histories.Tokyo, Evening, Learners.Phone);
        var ordinary = model.Judge(tokyo, Histories.Snapshot(Histories.SettledInLyon())) with { Score = 0.001 };

        var gate = model.Gate(ordinary, tokyo, Histories.SettledInLyon());

        model.TrustInRules(ordinary).Should().BeLessThan(0.05, "the model alone would vouch");
        gate.Trust.Should().Be(1);
        gate.Withheld.Should().BeTrue();
        model.ReasonFor(ordinary, discounted: false, gate)!.Detail.Should().Contain("a new device in a country this learner never used is not discounted")
            .And.Contain("no earlier sign-in on a new device abroad");
    }

    [Fact]
    public void A_new_device_on_a_new_network_far_away_in_the_learners_own_country_is_strong_novelty_too()
    {
        var model = Model();
        var settled = Histories.SettledInLyon();
        var paris = Histories.SignInFrom(Histories.Paris, Evening, Learners.Phone);
        var farParis = paris with { Geo = paris.Geo with { Latitude = 48.39, Longitude = -4.49, Asn = 3215 }, Keys = paris.Keys with { Network = "as3215" } };
        var ordinary = model.Judge(farParis, Histories.Snapshot(settled)) with { Score = 0.001 };

        model.Gate(ordinary, farParis, settled).Withheld.Should().BeTrue();
        model.ReasonFor(ordinary, discounted: false, model.Gate(ordinary, farParis, settled))!.Detail.Should().Contain("a new network far from this learner's usual places");
    }

    [Fact]
    public void A_learner_whose_history_shows_a_kept_new_phone_abroad_has_earned_the_models_discount_and_the_reason_says_so()
    {
        var model = Model();
        var roamed = RoamedOnce();
        var tokyo = Histories.SignInFrom(Histories.Tokyo, Evening, Learners.Phone);
        var ordinary = model.Judge(tokyo, Histories.Snapshot(roamed)) with { Score = 0.001 };

        var gate = model.Gate(ordinary, tokyo, roamed);

        gate.Trust.Should().Be(model.TrustInRules(ordinary));
        gate.Withheld.Should().BeFalse();
        model.ReasonFor(ordinary, discounted: true, gate)!.Detail.Should().Contain("rules count ×").And.Contain("is earned: this learner's history shows 1 earlier sign-in");
    }

    [Fact]
    public void A_new_device_on_an_address_the_learner_never_used_is_not_discounted_even_for_a_learner_who_roamed_before()
    {
        var model = Model();
        var roamed = RoamedOnce();
        var copiedOnTheCarrier = Learners.From(Histories.SignInFrom(Learners.Lyon, Evening, Learners.Phone), Learners.Lyon, "address-carrier");
        var ordinary = model.Judge(copiedOnTheCarrier, Histories.Snapshot(roamed)) with { Score = 0.001 };

        var gate = model.Gate(ordinary, copiedOnTheCarrier, roamed);

        gate.Trust.Should().Be(1);
        gate.Withheld.Should().BeTrue();
        model.ReasonFor(ordinary, discounted: false, gate)!.Detail.Should().Contain("a new device on an address this learner never used is not discounted");
    }

    [Fact]
    public void A_new_phone_at_home_is_no_strong_novelty_and_is_discounted_as_before()
    {
        var model = Model();
        var phoneAtHome = Histories.SignInFrom(Learners.Lyon, Evening, Learners.Phone);
        var ordinary = model.Judge(phoneAtHome, Histories.Snapshot(Histories.SettledInLyon())) with { Score = 0.001 };

        model.Gate(ordinary, phoneAtHome, Histories.SettledInLyon()).Should().Be(new VouchGate(model.TrustInRules(ordinary), null, Withheld: false));
    }

    public void Dispose() => store.Dispose();

    /// <summary>Settled in Lyon, after a trip to the US on a new tablet kept in use for three days.</summary>
    private static LearnerHistory RoamedOnce()
    {
        var settled = Histories.SettledInLyon();
        var trip = Learners.Start.AddDays(-6).Date.AddHours(14);
        return settled with
        {
            Devices = [.. settled.Devices, new KnownValue(Learners.Tablet.Id, trip, trip.AddDays(3), 6)],
            Countries = [.. settled.Countries, new KnownValue("US", trip, trip.AddDays(2), 3)],
        };
    }

    private AnomalyModelRule Model(double vouchBelow = 0.05, RuleMode mode = RuleMode.Enforce, int minSignIns = 2) =>
        new(store, new StaticOptionsMonitor<AnomalyModelOptions>(new AnomalyModelOptions
        {
            Enabled = true, Path = tiny.Path, Mode = mode, VouchBelow = vouchBelow, MinSignIns = minSignIns,
        }));
}
