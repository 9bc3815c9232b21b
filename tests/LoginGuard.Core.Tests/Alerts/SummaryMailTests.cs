using LoginGuard.Alerts.Content;
using static LoginGuard.Core.Tests.Alerts.AlertFixtures;

namespace LoginGuard.Core.Tests.Alerts;

/// <summary>The one mail that tells a learner of the new-device sign-ins the throttle held back.</summary>
public sealed class SummaryMailTests
{
    [Theory]
    [InlineData("en", "Tuesday, December 3, 2024 1:50 PM (Europe/Paris): Safari on iPhone · London, United Kingdom · 198.51.100.x", "Tuesday, December 3, 2024 2:05 PM (Europe/Paris): Chrome 131 on Windows · Lyon, France · 203.0.113.x")]
    [InlineData("fr", "mardi 3 décembre 2024 13:50 (Europe/Paris)\u00A0: Safari on iPhone · London, United Kingdom · 198.51.100.x", "mardi 3 décembre 2024 14:05 (Europe/Paris)\u00A0: Chrome 131 on Windows · Lyon, France · 203.0.113.x")]
    public void Lists_each_held_sign_in_by_time_in_the_learners_zone_with_its_device_and_place(string locale, string first, string second)
    {
        var message = RoundTrip(Build(Summary(locale)));

        // ICU writes a narrow no-break space before "PM"; the test reads it as the space it looks like.
        var text = message.TextBody!.Replace('\u202F', ' ');
        text.Should().Contain(first).And.Contain(second);
        text.IndexOf(first, StringComparison.Ordinal).Should().BeLessThan(text.IndexOf(second, StringComparison.Ordinal));
        System.Net.WebUtility.HtmlDecode(message.HtmlBody!).Replace('\u202F', ' ').Should().Contain("Safari on iPhone · London, United Kingdom · 198.51.100.x");
    }

    [Fact]
    public void Is_a_new_device_mail_naming_every_event_it_tells_of()
    {
        var message = RoundTrip(Build(Summary()));

        message.Headers[AlertMessageBuilder.AlertHeader].Should().Be("new-device");
        message.Headers.Where(h => h.Field == AlertMessageBuilder.EventIdHeader).Select(h => h.Value).Should().Equal("evt-0001", "evt-0002");
        message.Subject.Should().Be("New sign-ins to your Learnwell account");
        message.TextBody.Should().Contain("(2 in all)").And.Contain("If they were all you, there is nothing to do.");
    }

    [Fact]
    public void A_single_new_device_mail_names_its_one_event()
    {
        Build(Alert()).Headers.Where(h => h.Field == AlertMessageBuilder.EventIdHeader).Select(h => h.Value).Should().Equal("evt-0001");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("pt-BR")]
    public void Fills_every_placeholder_and_keeps_the_one_link_in_every_language(string locale)
    {
        var message = RoundTrip(Build(Summary(locale)));

        message.TextBody.Should().Contain("2").And.NotContain("{0}").And.NotContain("{1}");
        message.HtmlBody.Should().NotContain("{0}").And.NotContain("{1}");
        message.HtmlBody!.Split("href=").Should().HaveCount(2, "the only link is still the account-security page");
    }
}
