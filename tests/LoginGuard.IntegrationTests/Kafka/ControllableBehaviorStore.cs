using System.Collections.Concurrent;
using LoginGuard.Contracts;
using LoginGuard.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>
/// The in-memory store, shared by every worker a test starts (as Redis would be), that can be taken down
/// and that counts the state changes each eventId caused.
/// </summary>
internal sealed class ControllableBehaviorStore(IBehaviorStore inner) : IBehaviorStore
{
    private volatile bool down;
    private int failedCalls;
    private int loads;

    // Lanes run learners side by side, so event time moves unevenly across them, and the in-memory store
    // ages decisions out by the latest event time it saw: keep them longer than the sample spans.
    public ControllableBehaviorStore()
        : this(new InMemoryBehaviorStore(new ServiceCollection()
            .Configure<StateOptions>(options => options.DecisionRetention = TimeSpan.FromDays(90))
            .BuildServiceProvider()
            .GetRequiredService<IOptionsMonitor<StateOptions>>()))
    {
    }

    /// <summary>Round-trip time of every call, as a remote store would have.</summary>
    public TimeSpan Latency { get; init; }

    public ConcurrentDictionary<string, int> StateChanges { get; } = new(StringComparer.Ordinal);

    public int FailedCalls => failedCalls;

    public int Loads => loads;

    public void GoDown() => down = true;

    public void ComeBack() => down = false;

    public async ValueTask<BehaviorBatch> BeginAsync(IReadOnlyList<EnrichedEvent> events, SourceLookback lookback, CancellationToken cancellationToken)
    {
        await RoundTripAsync(cancellationToken);
        Interlocked.Increment(ref loads);
        return await inner.BeginAsync(events, lookback, cancellationToken);
    }

    public async ValueTask<Committed> CommitAsync(BehaviorBatch batch, IReadOnlyList<RecordedEvent> records, CancellationToken cancellationToken)
    {
        await RoundTripAsync(cancellationToken);
        var committed = await inner.CommitAsync(batch, records, cancellationToken);
        foreach (var (_, decision) in records.Where(r => !committed.RecordedElsewhere.Contains(r.Decision.EventId) && !committed.Erased.Contains(r.Decision.EventId)))
        {
            StateChanges.AddOrUpdate(decision.EventId, 1, (_, count) => count + 1);
        }

        return committed;
    }

    public async ValueTask LayTombstoneAsync(Tombstone tombstone, CancellationToken cancellationToken)
    {
        await RoundTripAsync(cancellationToken);
        await inner.LayTombstoneAsync(tombstone, cancellationToken);
    }

    public async ValueTask MarkPublishedAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken)
    {
        await RoundTripAsync(cancellationToken);
        await inner.MarkPublishedAsync(publications, cancellationToken);
    }

    public async ValueTask MarkParkedAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken)
    {
        await RoundTripAsync(cancellationToken);
        await inner.MarkParkedAsync(publications, cancellationToken);
    }

    private async Task RoundTripAsync(CancellationToken cancellationToken)
    {
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken);
        }

        if (down)
        {
            Interlocked.Increment(ref failedCalls);
            // What the Redis store throws when redis-server is away.
            throw new StackExchange.Redis.RedisConnectionException(
                StackExchange.Redis.ConnectionFailureType.UnableToConnect, StackExchange.Redis.CommandFlags.None, "The behavior store is down (test outage).", null, StackExchange.Redis.CommandStatus.Unknown);
        }
    }
}
