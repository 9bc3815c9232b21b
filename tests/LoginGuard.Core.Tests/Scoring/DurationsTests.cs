using LoginGuard.State;
using Microsoft.Extensions.Configuration;

namespace LoginGuard.Core.Tests.Scoring;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("30s", 0, 0, 30)]
    [InlineData("10m", 0, 10, 0)]
    [InlineData("12h", 12, 0, 0)]
    [InlineData("1d", 24, 0, 0)]
    [InlineData("2w", 336, 0, 0)]
    [InlineData("1h30m", 1, 30, 0)]
    [InlineData("1.5h", 1, 30, 0)]
    [InlineData("00:10:00", 0, 10, 0)]
    [InlineData("1.00:00:00", 24, 0, 0)]
    public void Accepts_durations_as_a_security_engineer_writes_them_and_as_dotnet_does(string text, int hours, int minutes, int seconds)
    {
        Durations.TryParse(text, out var duration).Should().BeTrue();

        duration.Should().Be(new TimeSpan(hours, minutes, seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten minutes")]
    [InlineData("10x")]
    [InlineData("m10")]
    [InlineData("-1d")]
    public void Rejects_what_is_not_a_duration(string text)
    {
        Durations.TryParse(text, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("90d")]
    [InlineData("1h30m")]
    [InlineData("0s")]
    [InlineData("250ms")]
    public void Writes_a_duration_back_the_way_it_was_written(string text)
    {
        Durations.TryParse(text, out var duration).Should().BeTrue();

        Durations.Format(duration).Should().Be(text);
    }

    [Fact]
    public void Lets_every_duration_option_be_written_the_short_way()
    {
        Durations.AcceptInConfiguration();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["State:FailureMemory"] = "12h",
            ["State:HistoryLookback"] = "90d",
        }).Build();

        var options = configuration.GetSection(StateOptions.Section).Get<StateOptions>()!;

        options.FailureMemory.Should().Be(TimeSpan.FromHours(12));
        options.HistoryLookback.Should().Be(TimeSpan.FromDays(90));
    }
}
