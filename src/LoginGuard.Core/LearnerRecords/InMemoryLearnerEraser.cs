using LoginGuard.Activity;
using LoginGuard.Enrichment;
using LoginGuard.State;
using Microsoft.Extensions.Logging;
using LoginGuard.Alerts.Outbox;

namespace LoginGuard.LearnerRecords;

/// <summary>Erasure when state lives in this process (the embedded replay): each in-process store forgets the learner.</summary>
internal sealed class InMemoryLearnerEraser(
    InMemoryBehaviorStore state,
    IActivityLog activity,
    InMemoryOutboxStore outbox,
    StateKeyMaker stateKeys,
    ILogger<InMemoryLearnerEraser> logger) : ILearnerEraser
{
    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var learner = stateKeys.Learner(userId);
        state.Forget(learner);
        outbox.Forget(userId);
        await activity.ForgetAsync(learner, cancellationToken);
        ErasureLog.Erased(logger, learner);
    }
}
