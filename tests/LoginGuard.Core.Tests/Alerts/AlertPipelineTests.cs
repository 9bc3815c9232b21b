using LoginGuard.Contracts;
using LoginGuard.Core.Tests.Pipeline;
using LoginGuard.Testing;

namespace LoginGuard.Core.Tests.Alerts;

/// <summary>Which mails the pipeline queues for an email change and during a burst of new devices.</summary>
public sealed class AlertPipelineTests : IDisposable
{
    private const string Windows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    private const string IPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private const string Linux = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private const string Mac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";

    private readonly PipelineHarness harness = new();

    [Fact]
    public async Task Tells_both_the_new_and_the_old_address_of_an_email_change_once_each()
    {
        var change = Event("e1", "email.changed", Windows, "2026-10-01T08:00:00Z", ",\"previousEmail\":\"ana.old@example.org\"");

        var decision = await harness.DecideAsync(change);
        await harness.DecideAsync(change);

        decision.Alerts.Should().Equal(AlertKind.EmailChanged);
        var mail = harness.Mail;
        mail.Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(["ana@example.org", "ana.old@example.org"]);
        mail.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
        mail.Single(m => m.To.Mailboxes.Single().Address == "ana.old@example.org").TextBody.Should().Contain("a***@example.org");
    }

    [Fact]
    public async Task Mails_the_first_new_device_of_a_burst_and_the_rest_in_one_summary_when_the_window_closes()
    {
        await harness.DecideAsync(Event("e0", "login.succeeded", Windows, "2026-10-01T08:00:00Z"));
        await harness.DecideAsync(Event("e1", "login.succeeded", IPhone, "2026-10-02T08:00:00Z"));
        await harness.DecideAsync(Event("e2", "login.succeeded", Linux, "2026-10-02T08:10:00Z"));
        await harness.DecideAsync(Event("e3", "login.succeeded", Mac, "2026-10-02T08:20:00Z"));
        await harness.DecideAsync(Event("p1", "password.changed", Mac, "2026-10-02T08:21:00Z"));
        harness.Mail.Select(m => m.Headers["X-LoginGuard-Event-Id"]).Should().BeEquivalentTo(["e1", "p1"], "account changes are never throttled");

        await harness.DecideAsync(Event("e4", "login.succeeded", Linux.Replace("Linux", "FreeBSD", StringComparison.Ordinal), "2026-10-02T10:00:00Z"));

        harness.Mail.Should().ContainSingle(m => m.Headers["X-LoginGuard-Event-Id"] == "e4");
        var summary = harness.Mail.Should().ContainSingle(m => m.Subject == "New sign-ins to your Learnwell account").Subject;
        summary.Headers.Where(h => h.Field == "X-LoginGuard-Event-Id").Select(h => h.Value).Should().Equal("e2", "e3");
        summary.Headers["X-LoginGuard-Alert"].Should().Be("new-device");
    }

    public void Dispose() => harness.Dispose();

    private static string Event(string id, string type, string userAgent, string at, string extra = "") =>
        AuthEvents.Of(id, type, at, userAgent: userAgent, extra: extra);
}
