using LoginGuard.Alerts;
using static LoginGuard.Core.Tests.Alerts.AlertFixtures;

namespace LoginGuard.Core.Tests.Alerts;

/// <summary>The new-device mail that stands for a burst the throttle held back.</summary>
public sealed class ThrottledMailTests
{
    [Theory]
    [InlineData("en", "Other new sign-ins: 3 since Tuesday, December 3, 2024 1:50 PM (Europe/Paris)")]
    [InlineData("fr", "Autres nouvelles connexions\u00A0: 3 depuis mardi 3 décembre 2024 13:50 (Europe/Paris)")]
    [InlineData("de", "Weitere neue Anmeldungen: 3 seit Dienstag, 3. Dezember 2024 13:50 (Europe/Paris)")]
    public void Says_how_many_new_sign_ins_it_stands_for_and_since_when(string locale, string line)
    {
        var alert = Alert(locale: locale) with { Suppressed = new SuppressedSignIns(3, TuesdayAfternoon.AddMinutes(-15)) };

        var message = RoundTrip(Build(alert));

        // ICU writes a narrow no-break space before "PM"; the test reads it as the space it looks like.
        message.TextBody!.Replace('\u202F', ' ').Should().Contain(line);
        System.Net.WebUtility.HtmlDecode(message.HtmlBody!).Replace('\u202F', ' ').Should().Contain(line.Split(": ")[^1]);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("pt-BR")]
    public void Fills_every_placeholder_and_keeps_the_one_link_in_every_language(string locale)
    {
        var alert = Alert(AlertKind.NewDevice, locale: locale) with { Suppressed = new SuppressedSignIns(12, TuesdayAfternoon.AddHours(-2)) };

        var message = RoundTrip(Build(alert));

        message.TextBody.Should().Contain("12 ").And.NotContain("{0}").And.NotContain("{1}");
        message.HtmlBody.Should().NotContain("{0}").And.NotContain("{1}");
        message.HtmlBody!.Split("href=").Should().HaveCount(2, "the only link is still the account-security page");
    }

    [Fact]
    public void Leaves_the_line_out_when_nothing_was_held_back()
    {
        Build(Alert()).TextBody.Should().NotContain("Other new sign-ins");
    }
}
