namespace LoginGuard.LearnerRecords;

/// <summary>
/// Where the pipeline leaves the erasure of a deleted account, so that no lane waits on it: the learner's tombstone,
/// laid first, keeps their events from bringing anything back until it is done. In Redis the erasure waits durably and a
/// background worker does it, trying again until it is done; in this process it is done at once.
/// </summary>
internal interface IErasureQueue
{
    /// <summary>Queues the erasure of everything kept of the learner, under every hash key. Once this returns, it will be done.</summary>
    Task EnqueueAsync(string userId, CancellationToken cancellationToken);
}
