using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Pipeline;

/// <summary>What the pipeline does about erasure: deleted accounts' tombstones and erasures, and the events erasures took.</summary>
internal sealed partial class LoginPipeline
{
    /// <summary>
    /// Carries out the batch's account deletions, on every delivery, so a crash after deciding one cannot leave it undone:
    /// the account's tombstone, laid after the batch's state is written (or that write would go round it), then its
    /// erasure, queued: the lane goes on at once, and the tombstone keeps the account's events from bringing anything
    /// back until the erasure is done. A learner erased while the batch was being decided had mail queued and activity
    /// written for events the commit then refused: erased again, which takes those.
    /// </summary>
    private async Task EraseAsync(List<(int Index, EnrichedEvent Enriched)> accepted, IEnumerable<Scored> erasedMeanwhile, CancellationToken cancellationToken)
    {
        var deleted = accepted.Select(a => a.Enriched).Where(e => e.Event.Type == AuthEventType.AccountDeleted).DistinctBy(e => e.Event.UserId, StringComparer.Ordinal).ToList();
        await Task.WhenAll(deleted.Select(e => store.LayTombstoneAsync(Tombstone.OfDeletedAccount(e.Keys.Learner), cancellationToken).AsTask()));
        await Task.WhenAll(deleted.Select(e => e.Event.UserId)
            .Union(erasedMeanwhile.Select(s => s.Enriched.Event.UserId), StringComparer.Ordinal)
            .Select(userId => erasures.EnqueueAsync(userId, cancellationToken)));
    }

    private Decided Erased(EnrichedEvent enriched, long started)
    {
        var decision = ErasedLearners.DecisionFor(enriched);
        Log.OfErasedLearner(logger, decision.EventId, enriched.Event.Type);
        metrics.Decided(decision, started);
        return new Decided(decision, null, []);
    }
}
