using LoginGuard.Contracts;
using LoginGuard.State;
using LoginGuard.Testing;

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
    public void A_source_sprayed_one_failure_at_a_time_counts_as_if_its_failures_were_counted_afresh()
    {
        // A small cap and memory and a few late or repeated events: every way Failures.Add can change a list.
        var options = new StateOptions { MaxSourceFailures = 25, FailureMemory = TimeSpan.FromMinutes(40), AllowedLateness = TimeSpan.Zero };
        var random = new Random(11);
        var grown = SourceActivity.Empty;
        for (var i = 0; i < 400; i++)
        {
            var at = Noon.AddSeconds(15 * i).AddMinutes(random.Next(0, 12) == 0 ? -random.Next(1, 60) : 0);
            var eventId = $"f-{(random.Next(0, 15) == 0 ? random.Next(0, i + 1) : i):D3}";
            grown = Failures.Apply(grown, Learners.Event($"victim-{random.Next(0, 30)}", AuthEventType.LoginFailed, Learners.Phone, at, eventId), options);

            var afresh = new SourceActivity(grown.Failures);
            var upTo = grown.Failures[0].At.AddSeconds(1);
            foreach (var since in grown.Failures.Select(f => f.At).Distinct())
            {
                grown.DistinctLearnersSince(since).Should().Be(afresh.DistinctLearnersSince(since), $"after failure {i}, since {since:t}");
                grown.Within(since.AddTicks(-1), upTo, "none", "victim-3").Should().Be(afresh.Within(since.AddTicks(-1), upTo, "none", "victim-3"), $"after failure {i}, since {since:t}");
            }
        }
    }

    [Fact]
    public void A_source_asked_about_its_newest_failures_only_counts_as_one_counted_afresh_when_later_asked_further()
    {
        // Most questions are of the last minutes, some of the whole list: the counts kept for the newest failures must
        // carry over and grow as a full count would.
        var options = new StateOptions { MaxSourceFailures = 40, FailureMemory = TimeSpan.FromMinutes(90), AllowedLateness = TimeSpan.Zero };
        var random = new Random(5);
        var grown = SourceActivity.Empty;
        for (var i = 0; i < 600; i++)
        {
            var at = Noon.AddSeconds(20 * i).AddMinutes(random.Next(0, 15) == 0 ? -random.Next(1, 30) : 0);
            grown = Failures.Apply(grown, Learners.Event($"victim-{random.Next(0, 25)}", AuthEventType.LoginFailed, Learners.Phone, at, $"f-{i:D3}"), options);

            var minutes = random.Next(0, 10) == 0 ? 200 : random.Next(0, 4);
            var since = grown.Failures[0].At.AddMinutes(-minutes);
            var within = grown.Failures.Where(f => f.At >= since).ToList();
            grown.DistinctLearnersSince(since).Should().Be(within.Select(f => f.Key).Distinct().Count(), $"after failure {i}, {minutes} min back");
            var upTo = grown.Failures[0].At.AddSeconds(1);
            grown.Within(since.AddTicks(-1), upTo, "none", "victim-3").Learners
                .Should().Be(within.Select(f => f.Key).Append("victim-3").Distinct().Count(), $"after failure {i}, {minutes} min back");
        }
    }

    [Fact]
    public void A_source_with_no_failures_counts_nothing()
    {
        SourceActivity.Empty.FailuresSince(DateTimeOffset.MinValue).Should().Be(0);
        SourceActivity.Empty.DistinctLearnersSince(DateTimeOffset.MinValue).Should().Be(0);
    }
}
