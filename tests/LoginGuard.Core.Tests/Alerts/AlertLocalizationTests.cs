using LoginGuard.Alerts.Content;
using static LoginGuard.Core.Tests.Alerts.AlertFixtures;

namespace LoginGuard.Core.Tests.Alerts;

public sealed class AlertLocalizationTests
{
    [Theory]
    [InlineData("en", "New sign-in to your Learnwell account", "Hello Camille Martin,")]
    [InlineData("es", "Nuevo inicio de sesión en tu cuenta de Learnwell", "Hola, Camille Martin:")]
    [InlineData("fr", "Nouvelle connexion à votre compte Learnwell", "Bonjour Camille Martin,")]
    [InlineData("de", "Neue Anmeldung bei Ihrem Learnwell-Konto", "Hallo Camille Martin,")]
    [InlineData("pt-BR", "Novo acesso à sua conta Learnwell", "Olá, Camille Martin,")]
    public void Writes_to_the_learner_in_their_language(string locale, string subject, string greeting)
    {
        var message = Build(Alert(locale: locale));

        message.Subject.Should().Be(subject);
        message.TextBody.Should().StartWith(greeting);
    }

    [Theory]
    [InlineData("fr-CA", "fr")]
    [InlineData("es-MX", "es")]
    [InlineData("de_AT", "de")]
    [InlineData("pt", "pt-BR")]
    [InlineData("pt-PT", "pt-BR")]
    [InlineData("EN-gb", "en")]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    [InlineData("ja-JP", "en")]
    [InlineData("not a locale", "en")]
    public void Reads_the_closest_language_it_has_and_English_otherwise(string? locale, string language)
    {
        AlertLanguage.For(locale).Texts.Language.Should().Be(language);
        Build(Alert(locale: locale)).HtmlBody.Should().Contain($"<html lang=\"{language}\">");
    }

    [Theory]
    [InlineData("fr", "mardi 3 décembre 2024 14:05 (Europe/Paris)")]
    [InlineData("de", "Dienstag, 3. Dezember 2024 14:05 (Europe/Paris)")]
    [InlineData("es", "martes, 3 de diciembre de 2024 14:05 (Europe/Paris)")]
    [InlineData("pt-BR", "terça-feira, 3 de dezembro de 2024 14:05 (Europe/Paris)")]
    public void Writes_the_time_in_the_learners_zone_and_language(string locale, string when)
    {
        Build(Alert(locale: locale)).TextBody.Should().Contain(when);
    }

    [Theory]
    [InlineData("en", "Account: c***@example.com")]
    [InlineData("es", "Cuenta: c***@example.com")]
    [InlineData("fr", "Compte\u00A0: c***@example.com")]
    [InlineData("de", "Konto: c***@example.com")]
    [InlineData("pt-BR", "Conta: c***@example.com")]
    public void Names_the_account_by_its_masked_address_in_the_learners_language(string locale, string line)
    {
        var message = Build(Alert(locale: locale));

        message.TextBody.Should().Contain(line).And.NotContain(LearnerEmail);
        message.HtmlBody.Should().Contain("c***@example.com").And.NotContain(LearnerEmail);
    }

    [Fact]
    public void Keeps_the_learners_region_for_dates()
    {
        AlertLanguage.For("en-GB").Culture.Name.Should().Be("en-GB");
        AlertLanguage.For("fr-CA").Culture.Name.Should().Be("fr-CA");
    }

    [Fact]
    public void Every_language_names_the_product_in_every_sentence_that_needs_it()
    {
        foreach (var texts in AlertLanguage.All)
        {
            foreach (var kind in Shapes)
            {
                var kindTexts = texts.For(Shape(kind));
                new[] { kindTexts.Subject, kindTexts.Intro, kindTexts.IfNotYou }
                    .Should().OnlyContain(s => s.Contains("{0}"), $"{texts.Language} {kind} names the product");
            }

            texts.EmailChangedToOther.Should().Contain("{0}").And.Contain("{1}");
            texts.Greeting.Should().Contain("{0}");
            texts.GreetingWithoutName.Should().NotContain("{0}");
        }
    }
}
