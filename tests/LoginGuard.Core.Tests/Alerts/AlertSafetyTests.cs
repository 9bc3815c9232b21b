using LoginGuard.Alerts;
using MimeKit;
using static LoginGuard.Core.Tests.Alerts.AlertFixtures;

namespace LoginGuard.Core.Tests.Alerts;

public sealed class AlertSafetyTests
{
    [Fact]
    public void A_line_break_in_the_display_name_cannot_add_a_header()
    {
        var message = RoundTrip(Build(Alert(displayName: "Eve\r\nBcc: victim@example.com\r\nX-Evil: 1")));

        message.Bcc.Count.Should().Be(0);
        message.Headers.Contains("X-Evil").Should().BeFalse();
        message.Headers.Count(h => h.Id == HeaderId.To).Should().Be(1);
        message.To.Mailboxes.Should().ContainSingle(m => m.Name == "Eve Bcc: victim@example.com X-Evil: 1" && m.Address == LearnerEmail);
    }

    [Fact]
    public void A_line_break_in_the_event_id_cannot_add_a_header()
    {
        var message = RoundTrip(Build(Alert(eventId: "evt-1\r\nX-Evil: 1")));

        message.Headers.Contains("X-Evil").Should().BeFalse();
        message.Headers[AlertMessageBuilder.EventIdHeader].Should().Be("evt-1 X-Evil: 1");
    }

    [Fact]
    public void A_line_break_in_the_name_cannot_fake_a_line_of_the_text_part()
    {
        var text = Build(Alert(displayName: "Camille\nIP address: 10.0.0.1")).TextBody;

        text.Should().StartWith("Hello Camille IP address: 10.0.0.1,");
    }

    [Fact]
    public void A_script_in_the_display_name_is_shown_as_text()
    {
        var html = Build(Alert(displayName: "<script>alert(1)</script>")).HtmlBody;

        html.Should().Contain("Hello &lt;script&gt;alert(1)&lt;/script&gt;,").And.NotContain("<script");
    }

    [Fact]
    public void Markup_in_the_device_description_is_shown_as_text()
    {
        var device = Chrome with { Description = "<img src=\"https://evil.example/p.gif\">" };

        Build(Alert(device: device)).HtmlBody.Should().NotContain("<img").And.Contain("&lt;img");
    }

    [Fact]
    public void Invisible_direction_marks_are_removed_from_names()
    {
        var message = Build(Alert(displayName: "Camille\u202E\u200Bnitram"));

        message.TextBody.Should().StartWith("Hello Camillenitram,");
        message.To.Mailboxes.Single().Name.Should().Be("Camillenitram");
    }

    [Fact]
    public void A_display_name_long_enough_to_carry_a_message_is_cut()
    {
        var name = string.Concat(Enumerable.Repeat("Camille ", 30));

        var shown = Build(Alert(displayName: name)).To.Mailboxes.Single().Name;

        shown.Should().HaveLength(SafeText.MaxLength).And.EndWith("…");
    }

    [Fact]
    public void Refuses_an_alert_id_that_is_not_one_LoginGuard_made()
    {
        var alert = Alert() with { AlertId = "../../etc/x" };

        FluentActions.Invoking(() => Build(alert)).Should().Throw<ArgumentException>();
    }
}
