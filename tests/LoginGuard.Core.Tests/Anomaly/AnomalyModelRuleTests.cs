using LoginGuard.Contracts;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;
using LoginGuard.Testing;

namespace LoginGuard.Core.Tests.Anomaly;

public sealed class AnomalyModelRuleTests(TinyModel tiny) : IClassFixture<TinyModel>, IDisposable
{
    private static readonly DateTimeOffset Evening = Learners.Start.Date.AddHours(19).AddMinutes(5);
    private readonly AnomalyModelStore store = new();

    [Fact]
    public void A_learner_too_new_to_vouch_for_is_still_scored()
    {
        var rule = Rule(minSignIns: 3);
        var verdict = rule.Judge(Histories.SignInFrom(Histories.Tokyo, Evening), Histories.Snapshot(Histories.SettledInLyon() with { SuccessfulLogins = 2 }));

        verdict.Score.Should().BeGreaterThan(0.5);
        rule.TrustInRules(verdict).Should().Be(1, "two sign-ins are no rhythm to call anything ordinary against");
    }

    [Fact]
    public void A_failed_sign_in_is_scored_even_for_an_account_without_history()
    {
        var reason = Rule(reportAbove: 0, minSignIns: 3).Evaluate(Learners.Event("anon", AuthEventType.LoginFailed, Learners.Laptop, Evening), Histories.Snapshot(LearnerHistory.Empty));

        reason.Should().NotBeNull();
        reason!.Detail.Should().StartWith("unusual for this learner");
    }

    [Fact]
    public void A_sign_in_from_a_never_seen_country_scores_high_and_the_reason_names_it()
    {
        var reason = Rule(reasonFeatures: 8).Evaluate(Histories.SignInFrom(Histories.Tokyo, Evening), Histories.Snapshot(Histories.SettledInLyon()));

        reason.Should().NotBeNull();
        reason!.Score.Should().BeGreaterThan(0.5);
        reason.Detail.Should().Contain("new-country 1 (usually 0)");
        reason.Detail.Should().MatchRegex(@"km-from-usual-places 9,[0-9]{3} \(usually 0\)", "Tokyo is ≈ 9,700 km from Lyon, and log-scaled features are read back in km");
    }

    [Fact]
    public void A_familiar_sign_in_scores_too_low_to_be_reported()
    {
        Rule(reportAbove: 0.5).Evaluate(Histories.SignInFrom(Learners.Lyon, Evening), Histories.Snapshot(Histories.SettledInLyon()))
            .Should().BeNull();
    }

    [Fact]
    public void The_model_rule_has_the_settings_every_rule_has()
    {
        var rule = Rule();

        rule.Settings.Should().BeAssignableTo<RuleSettings>();
        rule.Settings.Weight.Should().Be(0.8);
        rule.Settings.Mode.Should().Be(RuleMode.Enforce);
    }

    public void Dispose() => store.Dispose();

    private AnomalyModelRule Rule(double reportAbove = 0.01, int reasonFeatures = 3, int minSignIns = 0) =>
        new(store, new StaticOptionsMonitor<AnomalyModelOptions>(new AnomalyModelOptions { Path = tiny.Path, ReportAbove = reportAbove, ReasonFeatures = reasonFeatures, MinSignIns = minSignIns }));
}
