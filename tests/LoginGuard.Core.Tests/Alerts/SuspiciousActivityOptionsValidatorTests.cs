using LoginGuard.Alerts;
using LoginGuard.Contracts;

namespace LoginGuard.Core.Tests.Alerts;

public sealed class SuspiciousActivityOptionsValidatorTests
{
    private readonly SuspiciousActivityOptionsValidator validator = new();

    [Theory]
    [InlineData("Low")]
    [InlineData("Medium")]
    [InlineData("High")]
    public void Accepts_the_defaults_at_any_level_that_is_a_finding(string level)
    {
        validator.Validate(null, new SuspiciousActivityOptions { MinLevel = Enum.Parse<RiskLevel>(level) }).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Rejects_every_bad_value_at_once_naming_its_key_and_value()
    {
        var options = new SuspiciousActivityOptions { MinLevel = RiskLevel.None, QuietPeriod = TimeSpan.Zero };
        options.Rules[" "] = Incident.BruteForce;
        options.Rules["spray-per-ip"] = (Incident)7;

        var failures = validator.Validate(null, options).Failures;

        failures.Should().HaveCount(4);
        failures.Should().Contain(f => f.StartsWith("Alerts:SuspiciousActivity:MinLevel must be Low, Medium or High (was None)", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Alerts:SuspiciousActivity:QuietPeriod must be a positive duration", StringComparison.Ordinal) && f.Contains("(was 00:00:00)"));
        failures.Should().Contain(f => f.StartsWith("Alerts:SuspiciousActivity:Rules has an empty rule id", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Alerts:SuspiciousActivity:Rules:spray-per-ip must be StolenSession, SuccessAfterFailures or BruteForce (was 7)", StringComparison.Ordinal));
    }
}
