namespace LoginGuard.Alerts.Outbox;

/// <summary>
/// Where alerts wait between the pipeline and the mail server: in Redis in production, in this process for the
/// embedded replay. An alert id is stored once; every later enqueue of it, in whatever state, changes nothing.
/// </summary>
internal interface IOutboxStore
{
    /// <summary>
    /// Stores the alert unless its id is known, applying the new-device throttle in the same step. The owner files the
    /// alert under its learner; only the alert is kept.
    /// </summary>
    Task<EnqueueOutcome> EnqueueAsync(AddressedAlert addressed, CancellationToken cancellationToken);

    /// <summary>
    /// Closes every new-device throttle window whose wall-clock end is at or before <paramref name="until"/>, queueing
    /// one summary per window that held sign-ins; <see cref="DateTimeOffset.MaxValue"/> closes them all (the end of a
    /// replay). Closing a window twice queues its summary once.
    /// </summary>
    /// <returns>How many summaries were queued.</returns>
    Task<int> CloseWindowsAsync(DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves up to <paramref name="max"/> alerts that are due, for one lease, so no other worker sends them
    /// meanwhile. Each claim carries a fencing token (<see cref="ClaimedAlert.Claim"/>) that a later claim of the
    /// same alert supersedes.
    /// </summary>
    Task<IReadOnlyList<ClaimedAlert>> ClaimDueAsync(int max, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease of a claim from now, if it is still the alert's latest claim and the alert still waits.
    /// False means another worker claimed it since, or it was sent, failed or erased: do not send it.
    /// </summary>
    Task<bool> RenewAsync(ClaimedAlert claimed, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the mail went out. It is recorded even from a claim that was superseded, because the mail did
    /// go out and the newer holder must not send it again; the answer says whether the claim was still the latest.
    /// </summary>
    Task<ClaimStanding> MarkSentAsync(ClaimedAlert claimed, CancellationToken cancellationToken);

    /// <summary>Puts the alert back until <paramref name="notBefore"/>; refused for a superseded claim, whose holder decides now.</summary>
    Task<ClaimStanding> RetryLaterAsync(ClaimedAlert claimed, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Records a permanent failure with its reason; the alert is never tried again. Refused for a superseded claim:
    /// the newer holder may be sending it right now.
    /// </summary>
    Task<ClaimStanding> MarkFailedAsync(ClaimedAlert claimed, string reason, CancellationToken cancellationToken);

    /// <summary>The failed alerts, most recent first: the dead-letter list the security team reads.</summary>
    Task<IReadOnlyList<FailedAlert>> FailedAsync(int max, CancellationToken cancellationToken);

    Task<OutboxState?> StateAsync(string alertId, CancellationToken cancellationToken);

    /// <summary>When the alert waiting longest was queued; null when none waits.</summary>
    Task<DateTimeOffset?> OldestQueuedAtAsync(CancellationToken cancellationToken);
}
