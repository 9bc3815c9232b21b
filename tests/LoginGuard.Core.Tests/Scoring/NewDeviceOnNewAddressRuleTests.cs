using LoginGuard.Core.Tests.Anomaly;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Rules;
using LoginGuard.State;
using LoginGuard.Testing;

namespace LoginGuard.Core.Tests.Scoring;

public sealed class NewDeviceOnNewAddressRuleTests
{
    private static readonly DateTimeOffset Evening = Learners.Start.Date.AddHours(19);
    private readonly NewDeviceOnNewAddressRule rule = new("new-device-new-ip", new RuleSettings { Weight = 0.25 }, new Novelty(TimeSpan.FromDays(90), 1));

    [Fact]
    public void A_copied_browser_on_a_new_cookie_from_an_address_the_learner_never_used_is_reported()
    {
        var reason = rule.Evaluate(Learners.From(Histories.SignInFrom(Learners.Lyon, Evening, Learners.Phone), Learners.Lyon, "address-carrier"), Settled());

        reason.Should().NotBeNull();
        reason!.Rule.Should().Be("new-device-new-ip");
        reason.Detail.Should().Contain("Safari on iPhone").And.Contain("on an address not used before");
    }

    [Fact]
    public void A_private_window_at_home_is_a_new_device_on_a_known_address_and_not_reported()
    {
        rule.Evaluate(Histories.SignInFrom(Learners.Lyon, Evening, Learners.Phone), Settled()).Should().BeNull();
    }

    [Fact]
    public void The_learners_own_laptop_on_a_new_address_is_not_reported()
    {
        rule.Evaluate(Learners.From(Histories.SignInFrom(Learners.Lyon, Evening), Learners.Lyon, "address-carrier"), Settled()).Should().BeNull();
    }

    [Fact]
    public void A_learners_very_first_sign_in_is_the_baseline_not_news()
    {
        rule.Evaluate(Learners.From(Histories.SignInFrom(Learners.Lyon, Evening, Learners.Phone), Learners.Lyon, "address-carrier"), BehaviorSnapshot.FirstSight(LearnerHistory.Empty))
            .Should().BeNull();
    }

    [Fact]
    public void Only_a_successful_sign_in_is_judged()
    {
        var failed = Learners.From(Learners.FailedSignIn("ana", Learners.Phone, Evening), Learners.Lyon, "address-carrier");

        rule.Evaluate(failed, Settled()).Should().BeNull();
    }

    private static BehaviorSnapshot Settled() => BehaviorSnapshot.FirstSight(Histories.SettledInLyon());
}
