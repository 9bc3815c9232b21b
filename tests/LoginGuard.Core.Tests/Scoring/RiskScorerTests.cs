using LoginGuard.Core.Tests.Support;
using LoginGuard.Scoring;
using LoginGuard.State;

namespace LoginGuard.Core.Tests.Scoring;

public sealed class RiskScorerTests
{
    private static readonly BehaviorSnapshot KnowsLaptop = BehaviorSnapshot.FirstSight(Learners.Knowing(Learners.Laptop));

    [Fact]
    public void A_sign_in_from_a_known_device_has_no_risk_and_no_reasons()
    {
        var assessment = Scorer(new ScoringOptions()).Assess(Learners.SignIn("ana", Learners.Laptop, Learners.Start), KnowsLaptop);

        assessment.Score.Should().Be(0);
        assessment.Level.Should().Be(RiskLevel.None);
        assessment.Reasons.Should().BeEmpty();
    }

    [Fact]
    public void A_new_device_scores_its_weight_and_maps_to_a_level_by_the_thresholds()
    {
        var assessment = Scorer(new ScoringOptions()).Assess(Learners.SignIn("ana", Learners.Phone, Learners.Start), KnowsLaptop);

        assessment.Score.Should().Be(0.35);
        assessment.Level.Should().Be(RiskLevel.Low);
        assessment.Reasons.Should().ContainSingle(r => r.Rule == "new-device" && !r.Simulated);
    }

    [Fact]
    public void A_simulated_rule_is_reported_but_moves_neither_score_nor_level()
    {
        var options = new ScoringOptions { NewDevice = new RuleSettings { Weight = 0.9, Mode = RuleMode.Simulate } };

        var assessment = Scorer(options).Assess(Learners.SignIn("ana", Learners.Phone, Learners.Start), KnowsLaptop);

        assessment.Score.Should().Be(0);
        assessment.Level.Should().Be(RiskLevel.None);
        assessment.Reasons.Should().ContainSingle(r => r.Rule == "new-device" && r.Simulated);
        assessment.Has("new-device").Should().BeFalse();
    }

    [Fact]
    public void A_disabled_rule_says_nothing()
    {
        var options = new ScoringOptions { NewDevice = new RuleSettings { Weight = 0.9, Enabled = false } };

        Scorer(options).Assess(Learners.SignIn("ana", Learners.Phone, Learners.Start), KnowsLaptop).Reasons.Should().BeEmpty();
    }

    [Fact]
    public void Retuning_a_rule_takes_effect_without_a_restart_and_changes_the_rule_set_version()
    {
        var monitor = new StaticOptionsMonitor<ScoringOptions>(new ScoringOptions());
        var scorer = new RiskScorer(monitor);
        var before = scorer.Assess(Learners.SignIn("ana", Learners.Phone, Learners.Start), KnowsLaptop);

        monitor.Set(new ScoringOptions { NewDevice = new RuleSettings { Weight = 0.6 } });
        var after = scorer.Assess(Learners.SignIn("ana", Learners.Phone, Learners.Start), KnowsLaptop);

        after.Level.Should().Be(RiskLevel.Medium);
        after.RuleSetVersion.Should().NotBe(before.RuleSetVersion);
    }

    [Fact]
    public void The_same_settings_always_give_the_same_rule_set_version()
    {
        RuleSet.From(new ScoringOptions()).Version.Should().Be(RuleSet.From(new ScoringOptions()).Version).And.StartWith("rs-");
    }

    private static RiskScorer Scorer(ScoringOptions options) => new(new StaticOptionsMonitor<ScoringOptions>(options));
}
