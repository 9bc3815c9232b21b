namespace LoginGuard.Activity;

/// <summary>
/// Each learner's recent activity, newest first, capped at <see cref="ActivityOptions.MaxEntries"/> and
/// forgotten after <see cref="ActivityOptions.Retention"/>. In Redis in production, in this process for the
/// embedded replay; both pass the same contract tests.
/// </summary>
internal interface IActivityLog
{
    /// <summary>Adds each entry to its learner's activity, in the order given, once: an eventId already there changes nothing.</summary>
    Task RecordAsync(IReadOnlyList<(string Learner, ActivityEntry Entry)> entries, CancellationToken cancellationToken);

    /// <summary>The learner's entries not older than the retention, newest first.</summary>
    Task<IReadOnlyList<ActivityEntry>> ReadAsync(string learner, CancellationToken cancellationToken);

    /// <summary>Drops everything kept about the learner.</summary>
    Task ForgetAsync(string learner, CancellationToken cancellationToken);
}
