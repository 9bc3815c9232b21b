using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Core.Tests.Pipeline;

/// <summary>
/// A behaviour store that lets something happen between its read of the next batch and the pipeline's use of it, as
/// another part of the worker would in a race (an erasure, a delivery report); otherwise the store it wraps.
/// </summary>
internal sealed class StoreActingWhileRead(IBehaviorStore inner) : IBehaviorStore
{
    /// <summary>Done once, right after the next batch is read.</summary>
    public Func<CancellationToken, Task>? DuringNextRead { get; set; }

    public async ValueTask<BehaviorBatch> BeginAsync(IReadOnlyList<EnrichedEvent> events, SourceLookback lookback, CancellationToken cancellationToken)
    {
        var batch = await inner.BeginAsync(events, lookback, cancellationToken);
        if (DuringNextRead is { } act)
        {
            DuringNextRead = null;
            await act(cancellationToken);
        }

        return batch;
    }

    public ValueTask<Committed> CommitAsync(BehaviorBatch batch, IReadOnlyList<RecordedEvent> records, CancellationToken cancellationToken) =>
        inner.CommitAsync(batch, records, cancellationToken);

    public ValueTask LayTombstoneAsync(Tombstone tombstone, CancellationToken cancellationToken) => inner.LayTombstoneAsync(tombstone, cancellationToken);

    public ValueTask MarkPublishedAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken) =>
        inner.MarkPublishedAsync(publications, cancellationToken);

    public ValueTask MarkParkedAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken) =>
        inner.MarkParkedAsync(publications, cancellationToken);
}
