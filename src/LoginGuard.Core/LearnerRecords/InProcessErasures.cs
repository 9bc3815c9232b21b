namespace LoginGuard.LearnerRecords;

/// <summary>
/// The in-process backend's erasures, done as they are queued: its stores forget in memory, at once, and nothing would
/// survive the process to do them later. So a replay erases where the event stands, the same on every run.
/// </summary>
internal sealed class InProcessErasures(LearnerEraser eraser) : IErasureQueue
{
    public Task EnqueueAsync(string userId, CancellationToken cancellationToken) => eraser.ForgetAsync(userId, cancellationToken);
}
