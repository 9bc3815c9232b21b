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
                grown.LearnersWithin(since.AddTicks(-1), upTo, "none", "victim-3").Should().Be(afresh.LearnersWithin(since.AddTicks(-1), upTo, "none", "victim-3"), $"after failure {i}, since {since:t}");
                grown.FailuresWithin(since.AddTicks(-1), upTo, "none", adding: true).Should().Be(afresh.FailuresWithin(since.AddTicks(-1), upTo, "none", adding: true), $"after failure {i}, since {since:t}");
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
            grown.LearnersWithin(since.AddTicks(-1), upTo, "none", "victim-3")
                .Should().Be(within.Select(f => f.Key).Append("victim-3").Distinct().Count(), $"after failure {i}, {minutes} min back");
        }
    }

    [Fact]
    public void Sources_grown_from_one_another_on_several_lanes_each_count_their_own_failures()
    {
        // Lanes share one address's activity and each adds its own failures to it: the lists share a buffer, only one of
        // two grown from the same list appends in place, and an older list is asked again after newer ones were indexed.
        var options = new StateOptions { MaxSourceFailures = 60, FailureMemory = TimeSpan.FromMinutes(30), AllowedLateness = TimeSpan.Zero };
        var random = new Random(23);
        var kept = new List<SourceActivity> { SourceActivity.Empty };
        Parallel.For(0, 4, lane =>
        {
            for (var i = 0; i < 500; i++)
            {
                SourceActivity from;
                lock (kept)
                {
                    from = kept[random.Next(Math.Max(0, kept.Count - 6), kept.Count)];
                }

                var at = (from.Failures.Count > 0 ? from.Failures[0].At : Noon).AddSeconds(lane + 1);
                var learner = i % 40 == lane ? "seldom-seen" : $"victim-{(lane * 7 + i) % 17}";
                var grown = Failures.Apply(from, new FailedAttempt(at, learner, $"f-{lane}-{i:D3}"), options);
                lock (kept)
                {
                    kept.Add(grown);
                }
            }
        });

        // Newest first: an older list is asked only after the lists grown from it have indexed their failures.
        foreach (var activity in kept.Skip(1).Reverse())
        {
            var upTo = activity.Failures[0].At.AddSeconds(1);
            foreach (var minutes in new[] { 0, 1, 5, 30 })
            {
                var since = activity.Failures[0].At.AddMinutes(-minutes);
                var within = activity.Failures.Where(f => f.At >= since).Select(f => f.Key).ToList();
                activity.DistinctLearnersSince(since).Should().Be(within.Distinct().Count());
                activity.FailuresWithin(since.AddTicks(-1), upTo, "none", adding: true).Should().Be(within.Count + 1);
                activity.LearnersWithin(since.AddTicks(-1), upTo, "none", "seldom-seen").Should().Be(within.Append("seldom-seen").Distinct().Count());
            }
        }
    }

    [Fact]
    public void A_failure_given_another_key_counts_under_that_key_only()
    {
        // Re-keying after a hash key rotation copies failures with their new key: the hash they are counted by goes with it.
        var before = new FailedAttempt(Noon, "learner-old", "f-1");
        var failures = new[] { before with { Key = "learner-new" }, new FailedAttempt(Noon.AddMinutes(-1), "learner-new", "f-2") };

        new SourceActivity(failures).DistinctLearnersSince(Noon.AddHours(-1)).Should().Be(1);
        failures[0].Should().Be(new FailedAttempt(Noon, "learner-new", "f-1"));
    }

    [Fact]
    public void A_source_with_no_failures_counts_nothing()
    {
        SourceActivity.Empty.FailuresSince(DateTimeOffset.MinValue).Should().Be(0);
        SourceActivity.Empty.DistinctLearnersSince(DateTimeOffset.MinValue).Should().Be(0);
    }
}
