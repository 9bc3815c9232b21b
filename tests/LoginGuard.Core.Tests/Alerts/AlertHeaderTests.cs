using System.Runtime.CompilerServices;
using LoginGuard.Alerts.Content;
using LoginGuard.Contracts;
using MimeKit;
using static LoginGuard.Core.Tests.Alerts.AlertFixtures;

namespace LoginGuard.Core.Tests.Alerts;

public sealed class AlertHeaderTests
{
    [Theory]
    [InlineData(nameof(AlertKind.NewDevice), "new-device")]
    [InlineData(nameof(AlertKind.PasswordChanged), "password-changed")]
    [InlineData(nameof(AlertKind.MfaDisabled), "mfa-disabled")]
    [InlineData(nameof(AlertKind.EmailChanged), "email-changed")]
    public void Marks_the_mail_with_its_kind_and_event_for_whoever_traces_it(string kind, string wireName)
    {
        var message = RoundTrip(Build(Alert(Enum.Parse<AlertKind>(kind), eventId: "evt-7f3a")));

        message.Headers[AlertMessageBuilder.AlertHeader].Should().Be(wireName);
        message.Headers[AlertMessageBuilder.EventIdHeader].Should().Be("evt-7f3a");
    }

    [Fact]
    public void Gives_a_redelivered_alert_the_same_Message_Id()
    {
        var alert = Alert();

        var first = RoundTrip(Build(alert));
        var second = RoundTrip(Build(Alert()));

        first.MessageId.Should().Be($"{alert.AlertId}@loginguard.local");
        second.MessageId.Should().Be(first.MessageId);
        first.Headers[HeaderId.MessageId].Should().Be($"<{alert.AlertId}@loginguard.local>");
    }

    [Fact]
    public void Gives_each_kind_of_alert_for_one_event_its_own_Message_Id()
    {
        Build(Alert(AlertKind.NewDevice)).MessageId.Should().NotBe(Build(Alert(AlertKind.PasswordChanged)).MessageId);
    }

    [Fact]
    public void Is_dated_when_the_event_happened()
    {
        RoundTrip(Build(Alert())).Date.Should().Be(TuesdayAfternoon);
    }

    [Fact]
    public void Comes_from_the_configured_sender_to_the_learner_by_name()
    {
        var message = RoundTrip(Build(Alert()));

        message.From.Mailboxes.Should().ContainSingle(m => m.Name == "Learnwell Security" && m.Address == "security@learnwell.example");
        message.To.Mailboxes.Should().ContainSingle(m => m.Name == "Camille Martin" && m.Address == LearnerEmail);
    }

    [Fact]
    public void Carries_a_text_and_an_HTML_part_and_asks_auto_responders_to_stay_quiet()
    {
        var message = RoundTrip(Build(Alert()));

        message.Body.Should().BeOfType<MultipartAlternative>();
        message.TextBody.Should().NotBeNullOrWhiteSpace();
        message.HtmlBody.Should().NotBeNullOrWhiteSpace();
        message.Headers["Auto-Submitted"].Should().Be("auto-generated");
        message.Headers.Contains("List-Unsubscribe").Should().BeFalse();
    }

    [Fact]
    public void Travels_as_7_bit_so_a_mail_server_without_8BITMIME_accepts_it()
    {
        using var stream = new MemoryStream();
        Build(Alert(locale: "fr")).WriteTo(stream);

        stream.ToArray().Should().OnlyContain(b => b < 128);
    }

    [Fact]
    public void A_mail_once_sent_is_not_kept_in_memory_by_the_sender_that_built_it()
    {
        // The worker keeps one builder for its lifetime: anything it holds on to from a mail grows without bound.
        var builder = Builder();

        var sent = BuildAndForget(builder);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        sent.IsAlive.Should().BeFalse("a worker that keeps every mail it built runs out of memory");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference BuildAndForget(AlertMessageBuilder builder) => new(builder.Build(Alert()));
}
