using LoginGuard.Enrichment;
using LoginGuard.Pipeline;
using Microsoft.Extensions.Options;

namespace LoginGuard.State;

/// <summary>
/// Behaviour state in this process, for the embedded replay and tests. Decisions are aged out by event
/// time, not the wall clock, so replaying history behaves the same on any day.
/// </summary>
internal sealed class InMemoryBehaviorStore(IOptionsMonitor<StateOptions> options) : IBehaviorStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LearnerHistory> learners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Decision> decisions = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> decisionExpiry = new();

    public ValueTask<BehaviorSnapshot> LoadAsync(EnrichedEvent enriched, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var history = learners.GetValueOrDefault(enriched.Event.UserId, LearnerHistory.Empty);
            var current = HistoryUpdate.AsOf(history, enriched.Event.OccurredAt, options.CurrentValue);
            return ValueTask.FromResult(new BehaviorSnapshot(current, decisions.GetValueOrDefault(enriched.Event.EventId)));
        }
    }

    public ValueTask<bool> RecordAsync(EnrichedEvent enriched, Decision decision, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var authEvent = enriched.Event;
        lock (gate)
        {
            if (!decisions.TryAdd(authEvent.EventId, decision))
            {
                return ValueTask.FromResult(false);
            }

            decisionExpiry.Enqueue(authEvent.EventId, authEvent.OccurredAt + settings.DecisionRetention);
            ForgetDecisionsBefore(authEvent.OccurredAt);
            var history = learners.GetValueOrDefault(authEvent.UserId, LearnerHistory.Empty);
            learners[authEvent.UserId] = HistoryUpdate.Apply(history, enriched, settings);
            return ValueTask.FromResult(true);
        }
    }

    private void ForgetDecisionsBefore(DateTimeOffset now)
    {
        while (decisionExpiry.TryPeek(out var eventId, out var expiresAt) && expiresAt < now)
        {
            decisionExpiry.Dequeue();
            decisions.Remove(eventId);
        }
    }
}
