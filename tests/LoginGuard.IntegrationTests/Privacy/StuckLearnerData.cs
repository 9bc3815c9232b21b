using System.Text.Json.Nodes;
using LoginGuard.Privacy;

namespace LoginGuard.IntegrationTests.Privacy;

/// <summary>
/// A store of learner data whose forgetting is slow, or fails for a while, as a store on a struggling server would: it
/// keeps nothing, and it lets a test see when an erasure reached it and decide when it may go on.
/// </summary>
internal sealed class StuckLearnerData(int failures = 0) : ILearnerData
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int failuresLeft = failures;

    /// <summary>Completes once an erasure has asked this store to forget.</summary>
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this store has forgotten a learner.</summary>
    public TaskCompletionSource Forgot { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether forgetting waits for <see cref="Release"/>; otherwise it fails its first calls, then succeeds.</summary>
    public bool Blocks { get; init; }

    public int Calls { get; private set; }

    public void Release() => released.TrySetResult();

    public Task<JsonObject> ExportAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken) => Task.FromResult(new JsonObject());

    public async Task ForgetAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        Calls++;
        Reached.TrySetResult();
        if (Blocks)
        {
            await released.Task.WaitAsync(cancellationToken);
        }
        else if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            throw new TimeoutException("The learner data store timed out (test).");
        }

        Forgot.TrySetResult();
    }
}
