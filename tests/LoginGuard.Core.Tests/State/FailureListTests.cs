using LoginGuard.State;

namespace LoginGuard.Core.Tests.State;

public sealed class FailureListTests
{
    private static readonly DateTimeOffset Noon = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly StateOptions Options = new() { MaxSourceFailures = 12, FailureMemory = TimeSpan.FromMinutes(30), AllowedLateness = TimeSpan.Zero };

    [Fact]
    public void Two_lists_grown_from_one_each_keep_their_own_newest_failure_and_leave_the_one_they_grew_from_as_it_was()
    {
        IReadOnlyList<FailedAttempt> parent = [];
        for (var i = 0; i < 4; i++)
        {
            parent = Failures.Add(parent, new FailedAttempt(Noon.AddMinutes(i), $"victim-{i}", $"f-{i}"), 12, Options);
        }

        var before = parent.ToList();
        var left = Failures.Add(parent, new FailedAttempt(Noon.AddMinutes(10), "left", "f-left"), 12, Options);
        var right = Failures.Add(parent, new FailedAttempt(Noon.AddMinutes(10), "right", "f-right"), 12, Options);

        left.Select(f => f.Key).Should().Equal(["left", .. before.Select(f => f.Key)]);
        right.Select(f => f.Key).Should().Equal(["right", .. before.Select(f => f.Key)]);
        parent.Should().Equal(before);
    }

    [Fact]
    public void Failures_added_to_lists_branching_at_random_read_as_lists_built_afresh()
    {
        // Mostly newer than the rest, some late, some repeated; parents picked at random so lists share buffers and race for
        // them. A repeated eventId is the parent's own or a list's beside it, which sits in the buffer they share but
        // outside the parent's window, either after its newest or before its oldest.
        var random = new Random(17);
        var lists = new List<IReadOnlyList<FailedAttempt>> { Array.Empty<FailedAttempt>() };
        for (var i = 0; i < 3_000; i++)
        {
            var parent = lists[random.Next(Math.Max(0, lists.Count - 5), lists.Count)];
            var repeated = lists[random.Next(Math.Max(0, lists.Count - 5), lists.Count)];
            var snapshot = parent.ToList();
            var at = parent.Count == 0 ? Noon : parent[0].At.AddSeconds(random.Next(0, 6) == 0 ? -random.Next(0, 2_400) : random.Next(0, 300));
            var failure = new FailedAttempt(at, $"victim-{random.Next(0, 20)}", random.Next(0, 10) == 0 && repeated.Count > 0 ? repeated[random.Next(repeated.Count)].EventId : $"f-{i:D4}");

            var grown = Failures.Add(parent, failure, Options.MaxSourceFailures, Options);

            grown.Should().Equal(Failures.Add(snapshot, failure, Options.MaxSourceFailures, Options), $"after failure {i}");
            parent.Should().Equal(snapshot, "a list does not change once made");
            lists.Add(grown);
        }
    }

    [Fact]
    public void A_set_read_oldest_first_takes_further_failures_as_one_built_newest_first_does()
    {
        var oldestFirst = Enumerable.Range(0, 5).Select(i => new FailedAttempt(Noon.AddMinutes(i), $"victim-{i}", $"f-{i}")).ToList();
        IReadOnlyList<FailedAttempt> built = [.. Enumerable.Reverse(oldestFirst)];
        IReadOnlyList<FailedAttempt> read = FailureList.OldestFirst(oldestFirst.Count, i => oldestFirst[i]);

        read.Should().Equal(built);
        for (var i = 5; i < 40; i++)
        {
            var failure = new FailedAttempt(Noon.AddMinutes(i), $"victim-{i % 7}", $"f-{i}");
            (read, built) = (Failures.Add(read, failure, Options.MaxSourceFailures, Options), Failures.Add([.. built], failure, Options.MaxSourceFailures, Options));

            read.Should().Equal(built, $"after failure {i}");
        }
    }

    [Fact]
    public void A_batch_of_failures_applied_at_once_leaves_the_set_as_applying_them_one_by_one_does()
    {
        // Batches interleaving with newer failures other lanes added first, with ties, redeliveries, failures past the
        // failure memory and sets at the cap.
        var random = new Random(23);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var activity = SourceActivity.Empty;
            foreach (var failure in Batch(random, trial, "known", random.Next(0, 16)))
            {
                activity = Failures.Apply(activity, failure, Options);
            }

            var batch = Batch(random, trial, "batch", random.Next(0, 8));
            if (activity.Failures.Count > 0 && random.Next(0, 4) == 0)
            {
                batch.Add(activity.Failures[random.Next(activity.Failures.Count)]);
            }

            Failures.Apply(activity, batch, Options).Failures.Should().Equal(
                batch.Aggregate(activity, (one, failure) => Failures.Apply(one, failure, Options)).Failures, $"in trial {trial}");
        }
    }

    private static List<FailedAttempt> Batch(Random random, int trial, string name, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new FailedAttempt(Noon.AddMinutes(random.Next(0, 8) * 5 - (random.Next(0, 10) == 0 ? 45 : 0)), $"victim-{random.Next(0, 6)}", $"{name}-{trial}-{random.Next(0, 3)}{i}"))];
}
