using System.Text.RegularExpressions;
using LoginGuard.Alerts;
using MimeKit;
using static LoginGuard.Core.Tests.Alerts.AlertFixtures;

namespace LoginGuard.Core.Tests.Alerts;

/// <summary>What a phishing-resistant security mail must never do, checked for every kind in every language.</summary>
public sealed partial class AlertTemplateLintTests
{
    private static readonly string[] GenericGreetings =
    [
        "Dear user", "Dear customer", "Dear member", "Dear learner", "Dear account holder",
        "Estimado cliente", "Estimado usuario", "Cher client", "Cher utilisateur",
        "Sehr geehrter Kunde", "Lieber Nutzer", "Prezado cliente", "Caro usuário",
    ];

    private static readonly string[] UrgencyWords =
    [
        "immediately", "urgent", "act now", "suspend", "within 24 hours", "right away", "final warning", "locked",
        "inmediatamente", "de inmediato", "suspendid", "bloquead",
        "immédiatement", "tout de suite", "suspendu", "bloqué",
        "sofort", "dringend", "umgehend", "gesperrt",
        "imediatamente", "agora mesmo", "suspens", "bloqueada",
    ];

    private static readonly string[] PasswordAsks =
    [
        "<form", "<input", "enter your password", "confirm your password", "verify your account", "reply with",
        "click here", "unsubscribe",
    ];

    public static TheoryData<string, string, bool> EveryMail()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var shape in Shapes)
        {
            foreach (var locale in Locales)
            {
                data.Add(shape, locale, false);
            }
        }

        foreach (var locale in Locales)
        {
            data.Add(nameof(AlertKind.EmailChanged), locale, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMail))]
    public void Reads_as_a_calm_genuine_mail_with_one_plain_link(string kind, string locale, bool toOldAddress)
    {
        var message = RoundTrip(Build(Shape(kind, locale, toOldAddress ? "old@example.org" : null)));
        var everything = Everything(message);

        message.TextBody.Should().NotBeNullOrWhiteSpace().And.Contain(SecurityUrl);
        message.HtmlBody.Should().NotContain("<img").And.NotContain("src=").And.NotContain("{0}").And.NotContain("{1}");
        message.TextBody.Should().NotContain("{0}").And.NotContain("{1}");
        message.Headers.Contains("List-Unsubscribe").Should().BeFalse();

        UrlPattern().Matches(everything).Select(m => m.Value).Should().OnlyContain(url => url == SecurityUrl);
        HrefPattern().Matches(message.HtmlBody).Select(m => m.Groups[1].Value).Should().Equal(SecurityUrl);
        var anchor = AnchorPattern().Matches(message.HtmlBody).Should().ContainSingle().Subject;
        anchor.Groups[1].Value.Should().Be(SecurityUrl, "the link goes where it says");
        anchor.Groups[2].Value.Should().Be(SecurityUrl, "the link says where it goes");

        ShouldContainNone(everything, GenericGreetings);
        ShouldContainNone(everything, UrgencyWords);
        ShouldContainNone(everything, PasswordAsks);
    }

    private static void ShouldContainNone(string text, string[] phrases)
    {
        phrases.Where(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)).Should().BeEmpty();
    }

    [GeneratedRegex(@"(?:https?|ftp)://[^\s""'<>]+|www\.[^\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?:href|action|src)\s*=\s*""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex HrefPattern();

    [GeneratedRegex(@"<a\s[^>]*href=""([^""]*)""[^>]*>([^<]*)</a>", RegexOptions.IgnoreCase)]
    private static partial Regex AnchorPattern();
}
