using LoginGuard.Scoring;

namespace LoginGuard.Core.Tests.Scoring;

public sealed class ScoringOptionsValidatorTests
{
    [Fact]
    public void Accepts_the_defaults()
    {
        new ScoringOptionsValidator().Validate(null, new ScoringOptions()).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData(0.2, 0.5, 0.8)]
    [InlineData(0.5, 0.5, 0.5)]
    [InlineData(0, 0, 1)]
    public void Accepts_thresholds_that_rise(double low, double medium, double high)
    {
        Validate(new ScoringOptions { Levels = new LevelThresholds { Low = low, Medium = medium, High = high } }).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Rejects_thresholds_out_of_order_naming_the_key_and_the_values()
    {
        var result = Validate(new ScoringOptions { Levels = new LevelThresholds { Low = 0.6, Medium = 0.5, High = 0.8 } });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Scoring:Levels").And.Contain("Low=0.6").And.Contain("Medium=0.5");
    }

    [Fact]
    public void Rejects_every_bad_value_at_once()
    {
        var result = Validate(new ScoringOptions
        {
            Levels = new LevelThresholds { Low = 0.9, Medium = 0.5, High = 0.8 },
            NewDevice = new RuleSettings { Weight = 1.5 },
        });

        result.Failures.Should().HaveCount(2);
        result.FailureMessage.Should().Contain("Weight");
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(ScoringOptions options) =>
        new ScoringOptionsValidator().Validate(null, options);
}
