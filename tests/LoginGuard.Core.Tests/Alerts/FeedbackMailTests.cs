using System.Net;
using LoginGuard.Alerts.Content;
using static LoginGuard.Core.Tests.Alerts.AlertFixtures;

namespace LoginGuard.Core.Tests.Alerts;

/// <summary>The mail when feedback is on: its one link is the "was this you?" page, and the words say so.</summary>
public sealed class FeedbackMailTests
{
    [Fact]
    public void Asks_was_this_you_with_a_yes_that_needs_nothing_and_a_no_that_leads_to_the_link()
    {
        var text = Build(Alert() with { ReviewUrl = ReviewUrl }).TextBody;

        text.Should().Contain(
            "Was this you?\n\nYes: there is nothing to do.\n\nNo: open the link below to tell us, so that Learnwell can secure your account.\n\n"
            + ReviewUrl);
    }

    public static TheoryData<string, string> ShapesWithALinkInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var shape in Shapes.Where(s => s != "Summary"))
        {
            foreach (var locale in Locales)
            {
                data.Add(shape, locale);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShapesWithALinkInEveryLanguage))]
    public void Asks_the_question_in_the_learners_language_instead_of_saying_to_type_the_address(string shape, string locale)
    {
        var alert = Shape(shape, locale);
        var texts = AlertLanguage.For(locale).Texts;
        var message = Build(alert with { ReviewUrl = ReviewUrl });

        foreach (var (body, encode) in new (string?, Func<string, string>)[] { (message.TextBody, s => s), (message.HtmlBody, WebUtility.HtmlEncode) })
        {
            body.Should().Contain(encode(texts.WasThisYou))
                .And.Contain(encode(texts.YesItWasMe))
                .And.Contain(encode(string.Format(texts.NoItWasNot, "Learnwell")))
                .And.NotContain(encode(string.Format(texts.For(alert).IfNotYou, "Learnwell")), "the link is not the account page the learner is told to type")
                .And.NotContain(encode(texts.For(alert).IfYou ?? texts.IfYou));
        }
    }

    [Theory]
    [MemberData(nameof(ShapesWithALinkInEveryLanguage))]
    public void Without_a_review_link_keeps_telling_the_learner_to_reach_the_account_page_by_themselves(string shape, string locale)
    {
        var alert = Shape(shape, locale);
        var texts = AlertLanguage.For(locale).Texts;
        var text = Build(alert).TextBody;

        text.Should().Contain(string.Format(texts.For(alert).IfNotYou, "Learnwell")).And.NotContain(texts.WasThisYou);
    }

    [Fact]
    public void A_summary_of_held_sign_ins_has_no_review_link_and_keeps_its_own_wording()
    {
        var text = Build(Summary()).TextBody;

        text.Should().Contain("If they were all you, there is nothing to do.").And.Contain(SecurityUrl).And.NotContain("Was this you?");
    }
}
