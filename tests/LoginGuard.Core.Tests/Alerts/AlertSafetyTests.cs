using LoginGuard.Alerts.Content;
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
        message.To.Mailboxes.Should().ContainSingle(m => m.Name == "" && m.Address == LearnerEmail, "a name carrying an address is left out");
    }

    [Theory]
    [InlineData("Call +1-800-555-0199, visit evil.example", "800")]
    [InlineData("Ana https://evil.example/login", "evil.example")]
    [InlineData("Support www.evil-help.com", "evil-help")]
    [InlineData("Ana (0044) 20 7946 0958", "7946")]
    [InlineData("Reply to help@evil.example", "evil.example")]
    public void A_display_name_carrying_a_link_a_phone_number_or_an_address_is_left_out_of_the_mail(string displayName, string telltale)
    {
        // DKIM signs what LoginGuard writes: a name the attacker chose must not become a link or a number to call
        // in a security mail the learner has every reason to trust.
        var message = Build(Alert(displayName: displayName));

        message.TextBody.Should().StartWith("Hello,").And.NotContain(telltale);
        message.HtmlBody.Should().NotContain(telltale);
        message.To.Mailboxes.Should().ContainSingle().Which.Name.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Ana Lima")]
    [InlineData("J. R. R. Tolkien")]
    [InlineData("Zoë O'Brien-Smith")]
    [InlineData("Camille 2")]
    public void A_plain_name_is_still_used_to_greet(string displayName) =>
        Build(Alert(displayName: displayName)).TextBody.Should().StartWith($"Hello {displayName},");

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
