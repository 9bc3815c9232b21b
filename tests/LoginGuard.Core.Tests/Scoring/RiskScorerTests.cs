using LoginGuard.Contracts;
using LoginGuard.State;
using LoginGuard.Testing;
using static LoginGuard.Core.Tests.Scoring.ScoringFixture;

namespace LoginGuard.Core.Tests.Scoring;

public sealed class RiskScorerTests
{
    private static readonly BehaviorSnapshot KnowsLaptop = BehaviorSnapshot.FirstSight(Learners.Knowing(Learners.Laptop));

    [Fact]
    public void A_sign_in_from_a_known_device_has_no_risk_and_no_reasons()
    {
        var assessment = Scorer(NewDeviceOnly).Assess(Learners.SignIn("ana", Learners.Laptop, Learners.Start), KnowsLaptop);

        assessment.Score.Should().Be(0);
        assessment.Level.Should().Be(RiskLevel.None);
        assessment.Reasons.Should().BeEmpty();
    }

    [Fact]
    public void A_new_device_scores_its_weight_and_maps_to_a_level_by_the_thresholds()
    {
        var assessment = Scorer(NewDeviceOnly).Assess(Learners.SignIn("ana", Learners.Phone, Learners.Start), KnowsLaptop);

        assessment.Score.Should().Be(0.35);
        assessment.Level.Should().Be(RiskLevel.Low);
        assessment.Reasons.Should().ContainSingle(r => r.Rule == "new-device" && !r.Simulated);
    }

    [Fact]
    public void Two_rules_that_fire_together_combine_as_independent_evidence()
    {
        var assessment = Scorer(NewDeviceOnly, Rule("other-device", ("Kind", "NewDevice"), ("Weight", "0.5")))
            .Assess(Learners.SignIn("ana", Learners.Phone, Learners.Start), KnowsLaptop);

        assessment.Score.Should().Be(Math.Round(1 - (0.65 * 0.5), 4));
        assessment.Level.Should().Be(RiskLevel.Medium);
    }

    [Fact]
    public void A_simulated_rule_is_reported_but_moves_neither_score_nor_level()
    {
        var assessment = Scorer(Rule("new-device", ("Kind", "NewDevice"), ("Weight", "0.9"), ("Mode", "Simulate")))
            .Assess(Learners.SignIn("ana", Learners.Phone, Learners.Start), KnowsLaptop);

        assessment.Score.Should().Be(0);
        assessment.Level.Should().Be(RiskLevel.None);
        assessment.Reasons.Should().ContainSingle(r => r.Rule == "new-device" && r.Simulated);
        assessment.Has("new-device").Should().BeFalse();
    }

    [Fact]
    public void A_disabled_rule_says_nothing()
    {
        Scorer(NewDeviceOnly, Rule("new-device", ("Enabled", "false")))
            .Assess(Learners.SignIn("ana", Learners.Phone, Learners.Start), KnowsLaptop).Reasons.Should().BeEmpty();
    }

    [Fact]
    public void A_rule_that_fired_for_the_learner_within_its_cooldown_reports_nothing_and_adds_no_weight()
    {
        var scorer = Scorer(NewDeviceOnly, Rule("new-device", ("Cooldown", "01:00:00")));
        var firedRecently = Fired(Learners.Start.AddMinutes(-59));
        var firedLongAgo = Fired(Learners.Start.AddMinutes(-61));

        scorer.Assess(Learners.SignIn("ana", Learners.Phone, Learners.Start), firedRecently).Reasons.Should().BeEmpty();
        scorer.Assess(Learners.SignIn("ana", Learners.Phone, Learners.Start), firedRecently).Score.Should().Be(0);
        scorer.Assess(Learners.SignIn("ana", Learners.Phone, Learners.Start), firedLongAgo).Reasons.Should().ContainSingle(r => r.Rule == "new-device");
    }

    [Fact]
    public void The_same_rules_file_always_gives_the_same_rule_set_version_and_any_change_a_new_one()
    {
        var version = Source(Configuration(NewDeviceOnly)).Current.Version;

        Source(Configuration(NewDeviceOnly)).Current.Version.Should().Be(version).And.StartWith("rs-");
        Source(Configuration(NewDeviceOnly, Rule("new-device", ("Weight", "0.36")))).Current.Version.Should().NotBe(version);
    }

    private static BehaviorSnapshot Fired(DateTimeOffset at) => KnowsLaptop with
    {
        Learner = KnowsLaptop.Learner with { RuleFirings = new Dictionary<string, DateTimeOffset> { ["new-device"] = at } },
    };
}
