using LoginGuard.Alerts;
using LoginGuard.Alerts.Content;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using LoginGuard.IntegrationTests.Infrastructure;
using static LoginGuard.Testing.AuthEvents;

namespace LoginGuard.IntegrationTests.Alerts;

/// <summary>Alert mail sent through a real SMTP server on loopback and read back with MimeKit.</summary>
public sealed class SmtpDeliveryTests
{
    public static TheoryData<string, string> Languages => new()
    {
        { "en", "Your Learnwell password was changed" },
        { "es", "Se cambió la contraseña de tu cuenta de Learnwell" },
        { "fr", "Le mot de passe de votre compte Learnwell a été modifié" },
        { "de", "Das Passwort Ihres Learnwell-Kontos wurde geändert" },
        { "pt-BR", "A senha da sua conta Learnwell foi alterada" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_kind_of_mail_arrives_once_in_the_learners_language_with_its_headers(string locale, string passwordSubject)
    {
        await using var smtp = SmtpTestServer.Start();
        await using var worker = await AlertWorker.StartAsync(smtp.Port);

        await worker.ProcessAsync(Of("e1", "login.succeeded", "2026-10-01T08:00:00Z", locale: locale));
        await worker.ProcessAsync(Of("e2", "login.succeeded", "2026-10-03T08:00:00Z", userAgent: Phone, locale: locale));
        await worker.ProcessAsync(Of("e3", "password.changed", "2026-10-03T08:05:00Z", locale: locale));
        await worker.ProcessAsync(Of("e4", "mfa.disabled", "2026-10-03T08:06:00Z", locale: locale));
        await worker.ProcessAsync(Of("e5", "email.changed", "2026-10-03T08:07:00Z", locale: locale, email: "ana.new@example.org", previousEmail: "ana@example.org"));

        var mail = await smtp.WaitForAsync(5);
        mail.Select(m => (m.Headers[AlertMessageBuilder.AlertHeader], m.Headers[AlertMessageBuilder.EventIdHeader], m.To.Mailboxes.Single().Address))
            .Should().BeEquivalentTo(
            [
                ("new-device", "e2", "ana@example.org"),
                ("password-changed", "e3", "ana@example.org"),
                ("mfa-disabled", "e4", "ana@example.org"),
                ("email-changed", "e5", "ana.new@example.org"),
                ("email-changed", "e5", "ana@example.org"),
            ]);
        mail.Single(m => m.Headers[AlertMessageBuilder.AlertHeader] == "password-changed").Subject.Should().Be(passwordSubject);
        mail.Should().OnlyContain(m => m.MessageId!.EndsWith("@loginguard.local") && m.TextBody!.Contains("Ana Lima") && m.HtmlBody!.Contains("Ana Lima"));
        mail.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_redelivered_event_sends_no_second_mail()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var worker = await AlertWorker.StartAsync(smtp.Port);
        var alert = Alert.IdFor("ana", "e1", AlertKind.PasswordChanged);

        await worker.Outbox.EnqueueAsync([OutboxStoreContract.AlertFor("e1")], CancellationToken.None);
        await worker.Outbox.EnqueueAsync([OutboxStoreContract.AlertFor("e1")], CancellationToken.None);

        (await smtp.WaitForAsync(1)).Should().ContainSingle().Which.MessageId.Should().Be($"{alert}@loginguard.local");
        await Task.Delay(300);
        smtp.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_recorded_as_failed_with_the_reason_and_not_tried_again()
    {
        await using var smtp = SmtpTestServer.Start();
        smtp.Refuse("gone@example.org");
        await using var worker = await AlertWorker.StartAsync(smtp.Port);

        await worker.ProcessAsync(PasswordChanged("e1", user: "gone", email: "gone@example.org"));
        await worker.ProcessAsync(PasswordChanged("e2", user: "ana"));

        var failed = (await worker.WaitForFailedAsync(1)).Should().ContainSingle().Subject;
        failed.EventId.Should().Be("e1");
        failed.Kind.Should().Be(AlertKind.PasswordChanged);
        failed.Reason.Should().StartWith("smtp-550-recipient-not-accepted");
        (await smtp.WaitForAsync(1)).Should().ContainSingle().Which.Headers[AlertMessageBuilder.EventIdHeader].Should().Be("e2");
        await Task.Delay(500);
        smtp.RefusalsOf("gone@example.org").Should().Be(1, "a permanent failure is never retried");
        (await worker.Store.StateAsync(failed.AlertId, CancellationToken.None)).Should().Be(OutboxState.Failed);
    }

    [Fact]
    public async Task An_address_that_cannot_be_written_in_a_mail_is_recorded_as_an_invalid_recipient()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var worker = await AlertWorker.StartAsync(smtp.Port);
        await worker.Outbox.EnqueueAsync([OutboxStoreContract.AlertFor("e1", recipient: "not an address")], CancellationToken.None);

        (await worker.WaitForFailedAsync(1)).Should().ContainSingle().Which.Reason.Should().StartWith(Recipients.Invalid);
        smtp.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Mail_owed_while_the_server_is_down_all_goes_out_once_when_it_is_back()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var worker = await AlertWorker.StartAsync(smtp.Port);
        await worker.ProcessAsync(PasswordChanged("before", user: "ana"));
        await smtp.WaitForAsync(1);

        await smtp.StopAsync();
        for (var i = 0; i < 5; i++)
        {
            await worker.ProcessAsync(PasswordChanged($"during-{i}", user: $"learner-{i}"));
        }

        await Task.Delay(700);
        smtp.Received.Should().HaveCount(1, "nothing can arrive while the server is down");
        smtp.Restart();

        var mail = await smtp.WaitForAsync(6);
        await Task.Delay(300);
        smtp.Received.Select(m => m.Headers[AlertMessageBuilder.EventIdHeader]).Should()
            .BeEquivalentTo(["before", "during-0", "during-1", "during-2", "during-3", "during-4"], "each mail goes out exactly once");
        mail.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
        (await worker.Store.FailedAsync(10, CancellationToken.None)).Should().BeEmpty();
    }
}
