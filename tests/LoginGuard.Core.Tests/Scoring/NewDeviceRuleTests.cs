using LoginGuard.Contracts;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Rules;
using LoginGuard.State;
using LoginGuard.Testing;

namespace LoginGuard.Core.Tests.Scoring;

public sealed class NewDeviceRuleTests
{
    private readonly NewDeviceRule rule = new(new RuleSettings { Weight = 0.35 });

    [Fact]
    public void The_first_device_a_learner_ever_uses_is_the_baseline_not_news()
    {
        rule.Evaluate(Learners.SignIn("ana", Learners.Laptop, Learners.Start), BehaviorSnapshot.FirstSight(LearnerHistory.Empty))
            .Should().BeNull();
    }

    [Fact]
    public void A_sign_in_from_another_device_is_reported_as_new_and_named()
    {
        var reason = rule.Evaluate(Learners.SignIn("ana", Learners.Phone, Learners.Start), Knowing(Learners.Laptop));

        reason.Should().NotBeNull();
        reason!.Rule.Should().Be("new-device");
        reason.Score.Should().Be(1);
        reason.Detail.Should().Contain("Safari on iPhone");
    }

    [Fact]
    public void A_known_device_is_not_new()
    {
        rule.Evaluate(Learners.SignIn("ana", Learners.Laptop, Learners.Start), Knowing(Learners.Laptop, Learners.Phone))
            .Should().BeNull();
    }

    [Theory]
    [InlineData("login.failed")]
    [InlineData("password.changed")]
    [InlineData("mfa.disabled")]
    public void Only_a_successful_sign_in_can_be_from_a_new_device(string type)
    {
        rule.Evaluate(Learners.Event("ana", AuthEventTypes.FromWireName(type), Learners.Phone, Learners.Start), Knowing(Learners.Laptop))
            .Should().BeNull();
    }

    private static BehaviorSnapshot Knowing(params DeviceFingerprint[] devices) => BehaviorSnapshot.FirstSight(Learners.Knowing(devices));
}
