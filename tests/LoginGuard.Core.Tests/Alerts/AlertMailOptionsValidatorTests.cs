using LoginGuard.Alerts;
using LoginGuard.Alerts.Content;
using LoginGuard.Alerts.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginGuard.Core.Tests.Alerts;

public sealed class AlertMailOptionsValidatorTests
{
    [Fact]
    public void Accepts_the_defaults()
    {
        new AlertMailOptionsValidator().Validate(null, new AlertMailOptions()).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("http://learnwell.example/account/security", "must use https")]
    [InlineData("https://learnwell.example@evil.example/account", "must not carry a user name before the host")]
    [InlineData("https://learnwell.example/account/security?utm_source=mail", "must not have a query or fragment")]
    [InlineData("learnwell.example/account/security", "must be an absolute address")]
    [InlineData("/account/security", "must use https")]
    public void Rejects_a_link_a_learner_could_not_trust_by_reading_it(string url, string problem)
    {
        var result = new AlertMailOptionsValidator().Validate(null, new AlertMailOptions { AccountSecurityUrl = url });

        result.Failures.Should().ContainSingle().Which.Should().Be(
            $"Alerts:AccountSecurityUrl {problem}, such as \"https://learnwell.example/account/security\" (was \"{url}\").");
    }

    [Fact]
    public void Rejects_a_blank_product_name_and_a_bad_message_id_domain_together()
    {
        var options = new AlertMailOptions { ProductName = " ", MessageIdDomain = "not a domain" };

        var failures = new AlertMailOptionsValidator().Validate(null, options).Failures;

        failures.Should().HaveCount(2);
        failures.Should().Contain(f => f.StartsWith("Alerts:ProductName") && f.Contains("(was \" \")"));
        failures.Should().Contain(f => f.StartsWith("Alerts:MessageIdDomain") && f.Contains("(was \"not a domain\")"));
    }

    [Fact]
    public void A_bad_Smtp_section_stops_start_up_naming_every_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:From"] = "security",
            ["Smtp:Port"] = "0",
            ["Alerts:AccountSecurityUrl"] = "http://learnwell.example/",
        }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAlerts().BuildServiceProvider();

        FluentActions.Invoking(() => provider.GetRequiredService<IOptions<SmtpOptions>>().Value)
            .Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().HaveCount(3).And.Contain(f => f.StartsWith("Smtp:Port"));
        FluentActions.Invoking(() => provider.GetRequiredService<AlertMessageBuilder>())
            .Should().Throw<OptionsValidationException>();
    }

    [Fact]
    public void Binds_both_sections_so_the_builder_uses_the_configured_sender_and_domain()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:From"] = "Learnwell <no-reply@learnwell.example>",
            ["Smtp:PickupDirectory"] = "/var/spool/loginguard",
            ["Alerts:MessageIdDomain"] = "mail.learnwell.example",
        }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAlerts().BuildServiceProvider();

        var message = provider.GetRequiredService<AlertMessageBuilder>().Build(AlertFixtures.Alert());

        message.From.Mailboxes.Should().ContainSingle(m => m.Address == "no-reply@learnwell.example");
        message.MessageId.Should().EndWith("@mail.learnwell.example");
    }
}
