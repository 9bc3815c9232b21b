using LoginGuard.Contracts;

namespace LoginGuard.Alerts.Outbox;

/// <summary>What became of an enqueued alert.</summary>
internal enum EnqueueOutcome
{
    /// <summary>Stored and waiting to be sent.</summary>
    Queued,

    /// <summary>The id was already queued, sent, failed or suppressed: a redelivery, nothing changed.</summary>
    Duplicate,

    /// <summary>Held by a throttle: a new-device sign-in told later in its window's summary, or a suspicious-activity finding within an incident already told.</summary>
    Suppressed,
}

/// <summary>Where an alert id is in its life: queued (until sent or failed), then kept until the retention ends.</summary>
internal enum OutboxState
{
    Queued,
    Sent,
    Failed,
    Suppressed,
}

/// <param name="Attempts">Failed tries so far.</param>
/// <param name="Claim">
/// The fencing token of this claim: it grows with every claim of the alert, so a store can tell the latest holder
/// from a worker whose lease ran out while it was still sending.
/// </param>
internal sealed record ClaimedAlert(Alert Alert, int Attempts, DateTimeOffset QueuedAt, long Claim);

/// <summary>How a change made under a claim stood when the store received it.</summary>
internal enum ClaimStanding
{
    /// <summary>The claim was the alert's latest and the change was made.</summary>
    Current,

    /// <summary>Another worker claimed the alert since; only a sent mail is still recorded.</summary>
    Superseded,

    /// <summary>The alert no longer waits (already sent, failed or erased): nothing changed.</summary>
    Settled,
}

/// <summary>A dead letter of the outbox: which alert, why it was not sent, and when that was decided.</summary>
internal sealed record FailedAlert(string AlertId, AlertKind Kind, string EventId, string Reason, DateTimeOffset FailedAt);
