using LoginGuard.State;

namespace LoginGuard.Core.Tests.State;

public sealed class FailuresTests
{
    private static readonly DateTimeOffset Noon = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    public void A_source_sprayed_out_of_time_order_keeps_the_newest_failures_within_the_memory_up_to_the_cap(int max)
    {
        // As lanes deliver a spray spread over partitions: most failures land behind the newest, some by far, some beyond
        // the memory; times on a coarse grid tie, and some events come twice.
        var options = new StateOptions { MaxSourceFailures = max, FailureMemory = TimeSpan.FromMinutes(30), AllowedLateness = TimeSpan.FromMinutes(2) };
        var random = new Random(max);
        IReadOnlyList<FailedAttempt> kept = [];
        var seen = new List<FailedAttempt>();
        for (var i = 0; i < 600; i++)
        {
            var failure = random.Next(0, 10) == 0 && seen.Count > 0
                ? seen[random.Next(0, seen.Count)]
                : new FailedAttempt(Noon.AddMinutes((i / 4) - random.Next(0, random.Next(0, 10) == 0 ? 60 : 8)), $"learner-{random.Next(0, 30)}", $"f-{i:D3}");
            seen.Add(failure);
            kept = Failures.Add(kept, failure, max, options);

            // Every failure ever added, once, newest first and by eventId among equal times; then only those within the
            // memory behind the newest, and no more than the cap.
            var all = seen.DistinctBy(f => f.EventId).OrderByDescending(f => f.At).ThenBy(f => f.EventId, StringComparer.Ordinal).ToList();
            var horizon = all[0].At - options.FailureMemory - options.AllowedLateness;
            kept.Should().Equal(all.TakeWhile(f => f.At >= horizon).Take(max), $"after failure {i} ({failure.EventId} at {failure.At:t})");
        }
    }
}
