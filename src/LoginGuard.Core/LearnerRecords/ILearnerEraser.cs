namespace LoginGuard.LearnerRecords;

/// <summary>
/// Forgets a learner: their state, decisions, activity, queued and remembered mails, throttle window and the
/// failed sign-ins filed under them in shared address and network sets. Idempotent: erasing twice is harmless.
/// </summary>
internal interface ILearnerEraser
{
    Task EraseAsync(string userId, CancellationToken cancellationToken);
}
