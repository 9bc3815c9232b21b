using LoginGuard.Alerts.Delivery;
using LoginGuard.Alerts.Outbox;

namespace LoginGuard.Core.Tests.Alerts;

public sealed class AlertDeliveryOptionsValidatorTests
{
    private readonly AlertDeliveryOptionsValidator validator = new();

    [Fact]
    public void Accepts_the_defaults()
    {
        validator.Validate(null, new AlertOutboxOptions()).Succeeded.Should().BeTrue();
        validator.Validate(null, new AlertThrottleOptions()).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Rejects_every_bad_outbox_value_at_once_naming_its_key()
    {
        var result = validator.Validate(null, new AlertOutboxOptions
        {
            RetryBaseDelay = TimeSpan.FromMinutes(10),
            RetryMaxDelay = TimeSpan.FromMinutes(1),
            GiveUpAfter = TimeSpan.FromDays(30),
            BatchSize = 0,
        });

        result.Failures.Should().HaveCount(3);
        result.Failures.Should().Contain(f => f.StartsWith("Alerts:Outbox:RetryMaxDelay", StringComparison.Ordinal));
        result.Failures.Should().Contain(f => f.StartsWith("Alerts:Outbox:GiveUpAfter", StringComparison.Ordinal) && f.Contains("30.00:00:00"));
        result.Failures.Should().Contain(f => f.StartsWith("Alerts:Outbox:BatchSize", StringComparison.Ordinal) && f.Contains("(was 0)"));
    }

    [Theory]
    [InlineData(0, "01:00:00", "Alerts:Throttle:MaxNewDeviceMails must be at least 1 (was 0)")]
    [InlineData(1, "00:00:00", "Alerts:Throttle:Window must be a positive duration")]
    public void Rejects_a_throttle_that_would_hide_every_new_device(int max, string window, string message)
    {
        var result = validator.Validate(null, new AlertThrottleOptions { MaxNewDeviceMails = max, Window = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) });

        result.Failures.Should().ContainSingle().Which.Should().StartWith(message);
    }
}
