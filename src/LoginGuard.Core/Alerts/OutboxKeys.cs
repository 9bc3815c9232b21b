using StackExchange.Redis;

namespace LoginGuard.Alerts;

/// <summary>
/// Every Redis key of the alert outbox. All share the hash tag <c>{outbox}</c>: each script touches an alert, the
/// shared queues and a learner's throttle together, which Redis Cluster allows only within one slot. Mail is a
/// few alerts a second at most, well within one slot's capacity.
/// </summary>
internal sealed class OutboxKeys(string prefix)
{
    /// <summary>Hash: state, payload (while queued), kind, eventId, attempts, queuedAt, reason, suppressed, since.</summary>
    public RedisKey Alert(string alertId) => $"{prefix}{{outbox}}:alert:{alertId}";

    /// <summary>Sorted set: queued alert ids by when they may next be tried (unix ms, wall clock).</summary>
    public RedisKey Due => $"{prefix}{{outbox}}:due";

    /// <summary>Sorted set: queued alert ids by when they were queued, for the age of the oldest.</summary>
    public RedisKey Queued => $"{prefix}{{outbox}}:queued";

    /// <summary>Sorted set: failed alert ids by when they failed — the dead-letter list.</summary>
    public RedisKey Failed => $"{prefix}{{outbox}}:failed";

    /// <summary>Hash: one learner's new-device window (start, mailed, suppressed, since; event time, unix ms).</summary>
    public RedisKey Throttle(string learnerHash) => $"{prefix}{{outbox}}:throttle:{learnerHash}";
}
