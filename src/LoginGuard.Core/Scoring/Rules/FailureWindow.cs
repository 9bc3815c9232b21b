using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// Failed sign-ins within a window ending at the event, counting the event itself when it is a failure: the
/// snapshot was read before the event was recorded, and the attempt that crosses a threshold must count.
/// Failures recorded after the event (delivered before it) are not "before" it and do not count.
/// </summary>
internal static class FailureWindow
{
    /// <summary>How many failures of the group fall in the window.</summary>
    public static int Count(EnrichedEvent enriched, BehaviorSnapshot snapshot, FailureGroup group, TimeSpan window) =>
        SourceOf(snapshot, group) is { } source
            ? source.FailuresWithin(enriched.Event.OccurredAt - window, enriched.Event.OccurredAt, enriched.Event.EventId, enriched.Event.Type == AuthEventType.LoginFailed)
            : Failures(enriched, snapshot, group, window).Count();

    /// <summary>How many different learners (for a source) or addresses (for a learner) the window's failures name.</summary>
    public static int DistinctSubjects(EnrichedEvent enriched, BehaviorSnapshot snapshot, FailureGroup group, TimeSpan window) =>
        SourceOf(snapshot, group) is { } source
            ? source.LearnersWithin(enriched.Event.OccurredAt - window, enriched.Event.OccurredAt, enriched.Event.EventId, enriched.Event.Type == AuthEventType.LoginFailed ? enriched.Keys.Learner : null)
            : DistinctKeys.Count(Failures(enriched, snapshot, group, window));

    /// <summary>A sprayed source holds hundreds of failures, so its windows are counted by <see cref="SourceActivity"/>, not enumerated.</summary>
    private static SourceActivity? SourceOf(BehaviorSnapshot snapshot, FailureGroup group) => group switch
    {
        FailureGroup.Address => snapshot.Address,
        FailureGroup.Network => snapshot.Network,
        _ => null,
    };

    /// <summary>A learner's own failures: a short list, capped by State:MaxLearnerFailures.</summary>
    private static IEnumerable<FailedAttempt> Failures(EnrichedEvent enriched, BehaviorSnapshot snapshot, FailureGroup group, TimeSpan window)
    {
        var at = enriched.Event.OccurredAt;
        var remembered = group == FailureGroup.LearnerAndAddress
            ? snapshot.Learner.Failures.Where(f => f.Key == enriched.Keys.Address)
            : snapshot.Learner.Failures;

        // Remembered failures are newest first, so the window is one stretch of them.
        var within = remembered.SkipWhile(f => f.At > at).TakeWhile(f => f.At > at - window).Where(f => f.EventId != enriched.Event.EventId);
        return enriched.Event.Type == AuthEventType.LoginFailed
            ? within.Append(new FailedAttempt(at, enriched.Keys.Address, enriched.Event.EventId))
            : within;
    }

    /// <summary>True when the group is about where the attempt came from, which an allowlisted network is excused from.</summary>
    public static bool IsBySource(FailureGroup group) => group != FailureGroup.Learner;

    public static string Describe(FailureGroup group) => group switch
    {
        FailureGroup.Learner => "for this learner",
        FailureGroup.LearnerAndAddress => "for this learner from this address",
        FailureGroup.Address => "from this address",
        _ => "from this network",
    };
}
