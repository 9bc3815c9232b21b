using LoginGuard.Alerts;
using LoginGuard.Contracts;
using LoginGuard.Ingestion;
using LoginGuard.Pipeline;
using LoginGuard.Testing;

namespace LoginGuard.Core.Tests.Pipeline;

public sealed class LoginPipelineTests : IDisposable
{
    private const string Windows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    private const string WindowsUpdated = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string Iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private readonly PipelineHarness harness = new();

    [Fact]
    public async Task Says_nothing_about_a_learners_very_first_sign_in()
    {
        var decision = await harness.DecideAsync(SignIn("e1", Windows, "2026-10-01T08:00:00Z"));

        decision.RiskLevel.Should().Be(RiskLevel.None);
        decision.Alerts.Should().BeEmpty();
        harness.Mail.Should().BeEmpty();
    }

    [Fact]
    public async Task Emails_the_learner_once_when_a_new_device_signs_in()
    {
        await harness.DecideAsync(SignIn("e1", Windows, "2026-10-01T08:00:00Z"));

        var decision = await harness.DecideAsync(SignIn("e2", Iphone, "2026-10-02T08:00:00Z"));
        var redelivered = await harness.DecideAsync(SignIn("e2", Iphone, "2026-10-02T08:00:00Z"));

        decision.Reasons.Should().ContainSingle(r => r.Rule == "new-device");
        decision.Alerts.Should().Equal(AlertKind.NewDevice);
        redelivered.Duplicate.Should().BeTrue();
        var mail = harness.Mail.Should().ContainSingle().Subject;
        mail.Headers["X-LoginGuard-Alert"].Should().Be("new-device");
        mail.Headers["X-LoginGuard-Event-Id"].Should().Be("e2");
        mail.TextBody.Should().Contain("Safari on iPhone");
    }

    [Fact]
    public async Task A_browser_update_is_not_a_new_device()
    {
        await harness.DecideAsync(SignIn("e1", Windows, "2026-10-01T08:00:00Z"));

        var decision = await harness.DecideAsync(SignIn("e2", WindowsUpdated, "2026-10-20T08:00:00Z"));

        decision.Alerts.Should().BeEmpty();
        harness.Mail.Should().BeEmpty();
    }

    [Fact]
    public async Task A_failed_sign_in_from_a_stranger_teaches_nothing_and_alerts_nobody()
    {
        await harness.DecideAsync(SignIn("e1", Windows, "2026-10-01T08:00:00Z"));
        await harness.DecideAsync(SignIn("e2", Iphone, "2026-10-02T08:00:00Z", type: "login.failed"));

        var decision = await harness.DecideAsync(SignIn("e3", Iphone, "2026-10-02T08:01:00Z"));

        decision.Alerts.Should().Equal(AlertKind.NewDevice);
    }

    [Fact]
    public async Task Emails_the_learner_on_every_password_change()
    {
        await harness.DecideAsync(SignIn("e1", Windows, "2026-10-01T08:00:00Z", type: "password.changed"));
        await harness.DecideAsync(SignIn("e2", Windows, "2026-10-09T08:00:00Z", type: "password.changed"));

        harness.Mail.Select(m => m.Headers["X-LoginGuard-Alert"]).Should().Equal("password-changed", "password-changed");
    }

    [Fact]
    public async Task Reports_an_alert_it_cannot_address_instead_of_guessing()
    {
        await harness.DecideAsync(SignIn("e1", Windows, "2026-10-01T08:00:00Z"));

        var outcome = await harness.SendAsync(SignIn("e2", Iphone, "2026-10-02T08:00:00Z").Replace("ana@example.org", "not an address", StringComparison.Ordinal));

        var decided = outcome.Should().BeOfType<Decided>().Subject;
        decided.Decision.Alerts.Should().BeEmpty();
        decided.Unaddressable.Should().ContainSingle().Which.Should().Be(new UnaddressableAlert(AlertKind.NewDevice, Recipients.Invalid));
        harness.Mail.Should().BeEmpty();
    }

    [Fact]
    public async Task Turns_bad_input_into_a_dead_letter_with_its_reason()
    {
        var outcome = await harness.SendAsync("""{"eventId":"e1","type":"login.maybe"}""");

        outcome.Should().BeOfType<DeadLettered>().Which.Rejection.Reason.Should().Be(RejectionReasons.UnknownType);
    }

    [Fact]
    public async Task Dead_letters_a_sign_in_dated_years_ahead_but_carries_out_an_account_deletion_whatever_its_date()
    {
        await harness.DecideAsync(SignIn("e1", Windows, "2026-10-01T08:00:00Z"));

        var ahead = await harness.SendAsync(SignIn("e2", Iphone, "2036-10-01T08:00:00Z"));
        var deleted = await harness.SendAsync(SignIn("e3", Windows, "2036-10-01T08:00:00Z", "account.deleted"));

        ahead.Should().BeOfType<DeadLettered>().Which.Rejection.Reason.Should().Be(RejectionReasons.OutOfWindow);
        deleted.Should().BeOfType<Decided>();
        harness.Mail.Should().BeEmpty();
    }

    [Fact]
    public async Task Recognises_a_redelivered_failure_for_an_unknown_user_without_keeping_its_decision()
    {
        const string Stuffing = """{"eventId":"u1","type":"login.failed","occurredAt":"2026-10-01T08:00:00Z","userId":"nobody@stuffing.example","ip":"45.155.205.7","failureReason":"unknown_user"}""";

        var first = await harness.DecideAsync(Stuffing);
        var again = (await harness.SendAsync(Stuffing)).Should().BeOfType<Decided>().Subject;

        first.Duplicate.Should().BeFalse();
        again.Enriched.Should().BeNull("its failure is already counted for its address, so it changes nothing");
        again.Decision.RiskScore.Should().Be(first.RiskScore);
        again.Decision.Duplicate.Should().BeFalse("whether it was published is not kept either, so it may not claim to have been");
    }

    [Fact]
    public async Task Two_copies_of_an_unpublished_decision_in_one_batch_go_out_once_as_the_first_copy()
    {
        var newDevice = SignIn("e2", Iphone, "2026-10-02T08:00:00Z");
        await harness.SendAsync(newDevice);

        // The worker died before publishing; its producer had sent the event twice, and both copies come back together.
        var bytes = System.Text.Encoding.UTF8.GetBytes(newDevice);
        var outcomes = await harness.Pipeline.ProcessAsync([bytes, bytes], CancellationToken.None);

        outcomes.Cast<Decided>().Select(o => o.Decision.Duplicate).Should().Equal(false, true);
        outcomes.Cast<Decided>().Select(o => o.Publication).Should().ContainSingle(p => p != null);
    }

    [Fact]
    public async Task A_decision_that_was_recorded_but_never_published_goes_out_again_as_the_first_copy()
    {
        await harness.DecideAsync(SignIn("e1", Windows, "2026-10-01T08:00:00Z"));
        var newDevice = SignIn("e2", Iphone, "2026-10-02T08:00:00Z");

        var recorded = (await harness.SendAsync(newDevice)).Should().BeOfType<Decided>().Subject;
        // The worker dies here: the state is written, the decision never reached the cluster.
        var redelivered = (await harness.SendAsync(newDevice)).Should().BeOfType<Decided>().Subject;
        await harness.Pipeline.PublishedAsync([redelivered.Publication!], CancellationToken.None);
        var again = await harness.DecideAsync(newDevice);

        redelivered.Decision.Should().BeEquivalentTo(recorded.Decision, "the redelivery publishes the decision that was made");
        redelivered.Decision.Duplicate.Should().BeFalse("a consumer that skips duplicates must still lock or step up on it");
        again.Duplicate.Should().BeTrue("now it was published");
        harness.Mail.Should().ContainSingle("the mail was queued once, by the first delivery");
    }

    [Fact]
    public async Task A_decision_records_the_rule_set_that_made_it()
    {
        var decision = await harness.DecideAsync(SignIn("e1", Windows, "2026-10-01T08:00:00Z"));

        decision.RuleSetVersion.Should().StartWith("rs-");
    }

    public void Dispose() => harness.Dispose();

    private static string SignIn(string id, string userAgent, string at, string type = "login.succeeded") =>
        AuthEvents.Of(id, type, at, userAgent: userAgent);
}
