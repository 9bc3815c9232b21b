using LoginGuard.Enrichment;
using LoginGuard.Ingestion;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// Failed sign-ins within a window ending at the event, counting the event itself when it is a failure: the
/// snapshot was read before the event was recorded, and the attempt that crosses a threshold must count.
/// Failures recorded after the event (delivered before it) are not "before" it and do not count.
/// </summary>
internal static class FailureWindow
{
    public static IEnumerable<FailedAttempt> Failures(EnrichedEvent enriched, BehaviorSnapshot snapshot, FailureGroup group, TimeSpan window)
    {
        var at = enriched.Event.OccurredAt;
        var remembered = group switch
        {
            FailureGroup.Learner => snapshot.Learner.Failures,
            FailureGroup.LearnerAndAddress => snapshot.Learner.Failures.Where(f => f.Key == enriched.Keys.Address),
            FailureGroup.Address => snapshot.Address.Failures,
            _ => snapshot.Network.Failures,
        };
        // Remembered failures are newest first, so the window is one stretch of them.
        var within = remembered.SkipWhile(f => f.At > at).TakeWhile(f => f.At > at - window).Where(f => f.EventId != enriched.Event.EventId);
        return enriched.Event.Type == AuthEventType.LoginFailed
            ? within.Append(new FailedAttempt(at, Subject(enriched, group), enriched.Event.EventId))
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

    private static string Subject(EnrichedEvent enriched, FailureGroup group) =>
        group is FailureGroup.Learner or FailureGroup.LearnerAndAddress ? enriched.Keys.Address : enriched.Keys.Learner;
}
