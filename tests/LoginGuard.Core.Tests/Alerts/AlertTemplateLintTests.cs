using System.Text.RegularExpressions;
using LoginGuard.Contracts;
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

    /// <summary>Every shape in every language, the copy to an old address, and each with a review link (a summary never has one).</summary>
    public static TheoryData<string, string, bool, bool> EveryMail()
    {
        var data = new TheoryData<string, string, bool, bool>();
        foreach (var shape in Shapes)
        {
            foreach (var locale in Locales)
            {
                data.Add(shape, locale, false, false);
                if (shape != "Summary")
                {
                    data.Add(shape, locale, false, true);
                }
            }
        }

        foreach (var locale in Locales)
        {
            data.Add(nameof(AlertKind.EmailChanged), locale, true, false);
            data.Add(nameof(AlertKind.EmailChanged), locale, true, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMail))]
    public void Reads_as_a_calm_genuine_mail_with_one_plain_link(string kind, string locale, bool toOldAddress, bool withReviewLink)
    {
        var alert = Shape(kind, locale, toOldAddress ? "old@example.org" : null);
        var link = withReviewLink ? ReviewUrl : SecurityUrl;
        var message = RoundTrip(Build(withReviewLink ? alert with { ReviewUrl = ReviewUrl } : alert));
        var everything = Everything(message);

        message.TextBody.Should().NotBeNullOrWhiteSpace().And.Contain(link);
        message.HtmlBody.Should().NotContain("<img").And.NotContain("src=").And.NotContain("{0}").And.NotContain("{1}");
        message.TextBody.Should().NotContain("{0}").And.NotContain("{1}");
        message.Headers.Contains("List-Unsubscribe").Should().BeFalse();

        UrlPattern().Matches(everything).Select(m => m.Value).Should().OnlyContain(url => url == link);
        HrefPattern().Matches(message.HtmlBody).Select(m => m.Groups[1].Value).Should().Equal(link);
        var anchor = AnchorPattern().Matches(message.HtmlBody).Should().ContainSingle().Subject;
        anchor.Groups[1].Value.Should().Be(link, "the link goes where it says");
        anchor.Groups[2].Value.Should().Be(link, "the link says where it goes");

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
