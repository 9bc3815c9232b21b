using LoginGuard.State;

namespace LoginGuard.Core.Tests.State;

public sealed class SourceActivityTests
{
    private static readonly DateTimeOffset Noon = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_the_failures_and_learners_since_a_time_as_a_scan_of_the_list_would()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var failures = Enumerable.Range(0, random.Next(0, 60))
                .Select(i => new FailedAttempt(Noon.AddMinutes(-random.Next(0, 120)), $"learner-{random.Next(0, 12)}", $"f-{trial}-{i}"))
                .OrderByDescending(f => f.At).ThenBy(f => f.EventId, StringComparer.Ordinal)
                .ToList();
            var activity = new SourceActivity(failures);

            foreach (var minutes in new[] { -1, 0, 5, 30, 60, 119, 120, 500 })
            {
                var since = Noon.AddMinutes(-minutes);
                var within = failures.Where(f => f.At >= since).ToList();
                activity.FailuresSince(since).Should().Be(within.Count);
                activity.DistinctLearnersSince(since).Should().Be(within.Select(f => f.Key).Distinct().Count());
            }
        }
    }

    [Fact]
    public void A_source_with_no_failures_counts_nothing()
    {
        SourceActivity.Empty.FailuresSince(DateTimeOffset.MinValue).Should().Be(0);
        SourceActivity.Empty.DistinctLearnersSince(DateTimeOffset.MinValue).Should().Be(0);
    }
}
