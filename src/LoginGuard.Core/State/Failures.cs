using LoginGuard.Enrichment;
using LoginGuard.Ingestion;

namespace LoginGuard.State;

/// <summary>Remembering failed sign-ins: idempotent by eventId, capped, and forgotten after the failure memory.</summary>
internal static class Failures
{
    public static IReadOnlyList<FailedAttempt> Add(IReadOnlyList<FailedAttempt> failures, FailedAttempt failure, int max, StateOptions options)
    {
        if (failures.Any(f => f.EventId == failure.EventId))
        {
            return failures;
        }

        var newest = failures.Count > 0 && failures[0].At > failure.At ? failures[0].At : failure.At;
        var horizon = newest - options.FailureMemory - options.AllowedLateness;
        return failures.Append(failure)
            .Where(f => f.At >= horizon)
            .OrderByDescending(f => f.At).ThenBy(f => f.EventId, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    /// <summary>How an event changes the activity of the address or network it came from: only failures count.</summary>
    public static SourceActivity Apply(SourceActivity activity, EnrichedEvent enriched, StateOptions options) =>
        enriched.Event.Type == AuthEventType.LoginFailed
            ? new SourceActivity(Add(activity.Failures, new FailedAttempt(enriched.Event.OccurredAt, enriched.Keys.Learner, enriched.Event.EventId), options.MaxSourceFailures, options))
            : activity;
}
