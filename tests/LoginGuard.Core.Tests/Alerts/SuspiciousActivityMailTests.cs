using LoginGuard.Alerts;
using LoginGuard.Alerts.Content;
using LoginGuard.Contracts;
using static LoginGuard.Core.Tests.Alerts.AlertFixtures;

namespace LoginGuard.Core.Tests.Alerts;

/// <summary>The mail that tells a learner of an incident no other mail covers.</summary>
public sealed class SuspiciousActivityMailTests
{
    [Theory]
    [InlineData(nameof(Incident.StolenSession), "Unusual sign-in to your Learnwell account", "too far from your previous sign-in")]
    [InlineData(nameof(Incident.SuccessAfterFailures), "Sign-in to your Learnwell account after several wrong passwords", "right after several wrong passwords")]
    [InlineData(nameof(Incident.BruteForce), "Someone is trying to guess your Learnwell password", "Many wrong passwords were tried")]
    public void Says_what_happened_when_and_from_where_and_what_to_do(string incident, string subject, string what)
    {
        var message = RoundTrip(Build(Alert(AlertKind.SuspiciousActivity, incident: Enum.Parse<Incident>(incident))));

        message.Subject.Should().Be(subject);
        message.TextBody.Should().Contain(what)
            .And.Contain("When: Tuesday, December 3, 2024")
            .And.Contain("Approximate location: Lyon, France")
            .And.Contain("IP address: 203.0.113.x")
            .And.Contain("change your password");
    }

    [Fact]
    public void Speaks_of_attempts_not_a_sign_in_when_it_tells_of_a_brute_force()
    {
        Build(Alert(AlertKind.SuspiciousActivity, incident: Incident.BruteForce)).TextBody
            .Should().Contain("If you tried these passwords yourself, there is nothing to do.").And.NotContain("If this was you");
    }

    [Fact]
    public void Names_its_own_kind_in_the_alert_header()
    {
        var message = Build(Alert(AlertKind.SuspiciousActivity, incident: Incident.BruteForce));

        message.Headers[AlertMessageBuilder.AlertHeader].Should().Be("suspicious-activity");
        message.Headers[AlertMessageBuilder.EventIdHeader].Should().Be("evt-0001");
    }

    [Theory]
    [InlineData("es", "Alguien intenta adivinar tu contraseña de Learnwell")]
    [InlineData("fr", "Quelqu’un essaie de deviner votre mot de passe Learnwell")]
    [InlineData("de", "Jemand versucht, Ihr Learnwell-Passwort zu erraten")]
    [InlineData("pt-BR", "Alguém está tentando adivinhar sua senha da Learnwell")]
    public void Is_written_in_the_learners_language(string locale, string subject)
    {
        Build(Alert(AlertKind.SuspiciousActivity, locale: locale, incident: Incident.BruteForce)).Subject.Should().Be(subject);
    }
}
