using System.Text.Json;
using LoginGuard.Tools.Generation;
using LoginGuard.Tools.Generation.Stream;

namespace LoginGuard.Core.Tests.Generation;

public sealed class CohortTests
{
    private static readonly GenerationSettings Small = new(Users: 40, Days: 3, Seed: 7, Start: new DateOnly(2026, 10, 1), BadLines: 4, Duplicates: 2);

    [Fact]
    public void A_population_of_one_cohort_streams_exactly_the_generated_lines()
    {
        var streamed = LoginEventGenerator.Cohorts(Small, Samples.Geo, learnersPerCohort: 40).Select(line => line.Text);

        streamed.Should().Equal(Samples.Generate(Small).Lines.Select(line => line.Text));
    }

    [Fact]
    public void The_first_cohort_of_a_larger_population_is_the_stream_of_that_many_learners()
    {
        var streamed = LoginEventGenerator.Cohorts(Small with { Users = 100 }, Samples.Geo, learnersPerCohort: 40).Select(line => line.Text).ToList();
        var firstCohort = Samples.Generate(Small).Lines.Select(line => line.Text).ToList();

        streamed.Take(firstCohort.Count).Should().Equal(firstCohort);
    }

    [Fact]
    public void Later_cohorts_bring_learners_of_their_own()
    {
        var streamed = LoginEventGenerator.Cohorts(Small with { Users = 100 }, Samples.Geo, learnersPerCohort: 40).ToList();
        var firstCohortLines = Samples.Generate(Small).Lines.Count;

        var later = SigningInLearners(streamed.Skip(firstCohortLines));

        later.Should().NotBeEmpty().And.NotIntersectWith(SigningInLearners(streamed.Take(firstCohortLines)));
    }

    [Fact]
    public void Each_cohort_signs_in_on_the_days_after_the_one_before()
    {
        var streamed = LoginEventGenerator.Cohorts(Small with { Users = 100 }, Samples.Geo, learnersPerCohort: 40).ToList();
        var firstCohortLines = Samples.Generate(Small).Lines.Count;

        OccurredAt(streamed.Skip(firstCohortLines)).Min().Should().BeOnOrAfter(new DateTimeOffset(2026, 10, 4, 0, 0, 0, TimeSpan.Zero));
        OccurredAt(streamed.Take(firstCohortLines)).Max().Should().BeBefore(new DateTimeOffset(2026, 10, 4, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_share_of_events_per_cohort_takes_each_cohorts_earliest_events()
    {
        var whole = LoginEventGenerator.Cohorts(Small with { Users = 100 }, Samples.Geo, learnersPerCohort: 40).Where(line => line.IsEvent).ToList();
        var firstCohort = Samples.Generate(Small).Lines.Where(line => line.IsEvent).Select(line => line.Text).ToList();

        var shared = LoginEventGenerator.Cohorts(Small with { Users = 100 }, Samples.Geo, learnersPerCohort: 40, eventsPerCohort: 25).Where(line => line.IsEvent).ToList();

        shared.Should().HaveCount(75, "three cohorts give 25 events each");
        shared.Take(25).Select(line => line.Text).Should().Equal(firstCohort.Take(25));
        SigningInLearners(shared.Skip(50)).Should().NotBeEmpty("the last cohort is not crowded out by the first ones")
            .And.BeSubsetOf(SigningInLearners(whole.Skip(firstCohort.Count)));
    }

    [Fact]
    public void Generating_a_cohort_at_a_time_is_lazy()
    {
        var huge = Small with { Users = 1_000_000_000 };

        var first = LoginEventGenerator.Cohorts(huge, Samples.Geo, learnersPerCohort: 40).Take(10).ToList();

        first.Should().HaveCount(10, "only the first cohort is made, not a billion learners");
    }

    private static IEnumerable<DateTimeOffset> OccurredAt(IEnumerable<StreamLine> lines) => lines
        .Where(line => line.IsEvent)
        .Select(line => JsonDocument.Parse(line.Text).RootElement.GetProperty("occurredAt").GetDateTimeOffset());

    private static HashSet<string> SigningInLearners(IEnumerable<StreamLine> lines) => lines
        .Where(line => line.IsEvent && line.Label is { Attack: false })
        .Select(line => JsonDocument.Parse(line.Text).RootElement.GetProperty("userId").GetString()!)
        .ToHashSet(StringComparer.Ordinal);
}
