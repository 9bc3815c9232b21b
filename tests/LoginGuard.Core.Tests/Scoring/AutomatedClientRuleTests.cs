using LoginGuard.Contracts;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Rules;
using LoginGuard.State;
using LoginGuard.Testing;

namespace LoginGuard.Core.Tests.Scoring;

public sealed class AutomatedClientRuleTests
{
    private static readonly DeviceFingerprint Headless = Learners.Device("headless", "HeadlessChrome", "Windows", DeviceType.Bot, "an automated tool (HeadlessChrome)");

    private readonly AutomatedClientRule rule = new("automated-client", new RuleSettings { Weight = 0.6 });

    [Fact]
    public void A_headless_browser_that_signs_in_is_reported_from_the_very_first_sign_in()
    {
        var reason = rule.Evaluate(Learners.SignIn("ana", Headless, Learners.Start), BehaviorSnapshot.FirstSight(LearnerHistory.Empty));

        reason.Should().NotBeNull();
        reason!.Rule.Should().Be("automated-client");
        reason.Score.Should().Be(1);
        reason.Detail.Should().Be("sign-in from an automated tool (HeadlessChrome)");
    }

    [Fact]
    public void A_script_that_changes_the_account_is_reported_with_what_it_changed()
    {
        var change = Learners.Event("ana", AuthEventType.EmailChanged, Headless, Learners.Start);

        rule.Evaluate(change, BehaviorSnapshot.FirstSight(LearnerHistory.Empty))!.Detail.Should().Be("email.changed from an automated tool (HeadlessChrome)");
    }

    [Fact]
    public void A_scripts_failed_attempt_is_left_to_the_failure_counting_rules()
    {
        rule.Evaluate(Learners.FailedSignIn("ana", Headless, Learners.Start), BehaviorSnapshot.FirstSight(LearnerHistory.Empty)).Should().BeNull();
    }

    [Theory]
    [InlineData("account.deleted")]
    [InlineData("password.reset")]
    [InlineData("mfa.enabled")]
    public void What_the_platforms_own_back_office_jobs_do_is_not_reported(string type)
    {
        var job = Learners.Event("ana", AuthEventTypes.FromWireName(type), Headless, Learners.Start);

        rule.Evaluate(job, BehaviorSnapshot.FirstSight(LearnerHistory.Empty)).Should().BeNull();
    }

    [Fact]
    public void Browsers_and_apps_are_not_automation()
    {
        rule.Evaluate(Learners.SignIn("ana", Learners.Laptop, Learners.Start), BehaviorSnapshot.FirstSight(LearnerHistory.Empty)).Should().BeNull();
        rule.Evaluate(Learners.SignIn("ana", Learners.Phone, Learners.Start), BehaviorSnapshot.FirstSight(LearnerHistory.Empty)).Should().BeNull();
    }
}
