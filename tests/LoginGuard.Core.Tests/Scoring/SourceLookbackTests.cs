using LoginGuard.State;
using static LoginGuard.Core.Tests.Scoring.ScoringFixture;

namespace LoginGuard.Core.Tests.Scoring;

public sealed class SourceLookbackTests
{
    [Fact]
    public void Sources_are_read_as_far_back_as_the_longest_enabled_window_grouped_by_them()
    {
        var scorer = Scorer(
            Rule("burst", ("Kind", "FailedLogins"), ("GroupBy", "Address"), ("Window", "00:10:00"), ("Threshold", "20"), ("Weight", "0.5")),
            Rule("slow", ("Kind", "FailedLogins"), ("GroupBy", "Address"), ("Window", "12:00:00"), ("Threshold", "100"), ("Weight", "0.4")),
            Rule("spray", ("Kind", "DistinctLearnersFailing"), ("GroupBy", "Network"), ("Window", "01:00:00"), ("Threshold", "10"), ("Weight", "0.6")),
            Rule("disabled", ("Kind", "DistinctLearnersFailing"), ("GroupBy", "Network"), ("Window", "1.00:00:00"), ("Threshold", "10"), ("Weight", "0.6"), ("Enabled", "false")),
            Rule("learner", ("Kind", "FailedLogins"), ("GroupBy", "Learner"), ("Window", "1.00:00:00"), ("Threshold", "30"), ("Weight", "0.6")));

        scorer.SourceLookback.Should().Be(new SourceLookback(Address: TimeSpan.FromHours(12), Network: TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Without_rules_on_sources_nothing_of_theirs_is_read()
    {
        Scorer(NewDeviceOnly).SourceLookback.Should().Be(new SourceLookback(TimeSpan.Zero, TimeSpan.Zero));
    }
}
