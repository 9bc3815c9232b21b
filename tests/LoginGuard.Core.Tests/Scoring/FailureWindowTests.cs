using LoginGuard.Contracts;
using LoginGuard.Scoring.Rules;
using LoginGuard.State;
using LoginGuard.Testing;

namespace LoginGuard.Core.Tests.Scoring;

public sealed class FailureWindowTests
{
    private static readonly DateTimeOffset Noon = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly StateOptions Options = new();

    /// <summary>
    /// The definition, spelled out: the source's failures in (at − window, at], the event's own left out, the
    /// event itself added when it is a failure. Late events, redeliveries and ties in time all included.
    /// </summary>
    [Fact]
    public void A_sources_window_counts_what_a_scan_of_its_failures_would()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 400; trial++)
        {
            var failures = (IReadOnlyList<FailedAttempt>)[];
            foreach (var i in Enumerable.Range(0, random.Next(0, 80)))
            {
                failures = Failures.Add(failures, new FailedAttempt(Noon.AddMinutes(-random.Next(0, 90)), $"learner-{random.Next(0, 15)}", $"f-{i}"), 1000, Options);
            }

            var source = new SourceActivity(failures);
            var at = Noon.AddMinutes(-random.Next(-5, 60));
            var redelivered = failures.Count > 0 && random.Next(4) == 0 ? failures[random.Next(failures.Count)] : null;
            var type = random.Next(2) == 0 ? AuthEventType.LoginFailed : AuthEventType.LoginSucceeded;
            var learner = $"learner-{random.Next(0, 15)}";
            var enriched = Event(redelivered?.EventId ?? $"e-{trial}", type, redelivered?.At ?? at, learner);
            var snapshot = BehaviorSnapshot.FirstSight(LearnerHistory.Empty) with { Address = source };

            foreach (var minutes in new[] { 1, 10, 30, 60, 24 * 60 })
            {
                var window = TimeSpan.FromMinutes(minutes);
                var eventAt = enriched.Event.OccurredAt;
                var expected = failures.Where(f => f.At > eventAt - window && f.At <= eventAt && f.EventId != enriched.Event.EventId).ToList();
                if (type == AuthEventType.LoginFailed)
                {
                    expected.Add(new FailedAttempt(eventAt, learner, enriched.Event.EventId));
                }

                FailureWindow.Count(enriched, snapshot, FailureGroup.Address, window).Should().Be(expected.Count);
                FailureWindow.DistinctSubjects(enriched, snapshot, FailureGroup.Address, window).Should().Be(expected.Select(f => f.Key).Distinct().Count());
            }
        }
    }

    private static EnrichedEvent Event(string eventId, AuthEventType type, DateTimeOffset at, string learner)
    {
        var enriched = Learners.Event(learner, type, Learners.Laptop, at, eventId);
        return enriched with { Keys = enriched.Keys with { Learner = learner } };
    }
}
