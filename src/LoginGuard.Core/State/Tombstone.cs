namespace LoginGuard.State;

/// <summary>
/// What is left of an erased learner, for <c>State:HistoryLookback</c>: their keyed hash and the time up to which their
/// events are erased. An event of theirs dated at or before it (still in flight when they were erased, late, or
/// redelivered) must not bring back what the erasure took; one dated after it is what they did since, and is new.
/// </summary>
/// <param name="Learner">The learner's keyed hash, as their state is filed under it: never the account id.</param>
/// <param name="Until">
/// For an erasure asked for, the worker's clock then: the account lives on, and what it does next is new. For a deleted
/// account, the end of time (<see cref="OfDeletedAccount"/>): an event that still names it is of what was erased.
/// </param>
internal sealed record Tombstone(string Learner, DateTimeOffset Until)
{
    /// <summary>A deleted account's: every event of it that comes after is of what was erased.</summary>
    public static Tombstone OfDeletedAccount(string learner) => new(learner, DateTimeOffset.MaxValue);

    /// <summary>Whether this is a deleted account's, covering every event (read back from Redis, to the millisecond).</summary>
    public bool IsOfDeletedAccount => Until.ToUnixTimeMilliseconds() == DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Whether an event at this time is one the erasure took. Compared in whole milliseconds, as Redis keeps the time.</summary>
    public bool Covers(DateTimeOffset at) => at.ToUnixTimeMilliseconds() <= Until.ToUnixTimeMilliseconds();

    /// <summary>The later of two tombstones of one learner: an erasure never moves the time back.</summary>
    public static Tombstone Latest(Tombstone? kept, Tombstone laid) => kept is not null && kept.Until >= laid.Until ? kept : laid;
}

/// <summary>
/// What a commit left unwritten: events another delivery recorded first, and events of a learner erased since the batch
/// was read, dated at or before their <see cref="Tombstone"/>. Neither changed any state.
/// </summary>
internal sealed record Committed(IReadOnlySet<string> RecordedElsewhere, IReadOnlySet<string> Erased)
{
    public bool WroteAll => RecordedElsewhere.Count == 0 && Erased.Count == 0;
}
