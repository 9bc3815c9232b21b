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
    private readonly Dictionary<string, SourceActivity> sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Decision> decisions = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> decisionExpiry = new();

    public ValueTask<BehaviorSnapshot> LoadAsync(EnrichedEvent enriched, CancellationToken cancellationToken)
    {
        var keys = enriched.Keys;
        lock (gate)
        {
            var history = HistoryUpdate.AsOf(learners.GetValueOrDefault(keys.Learner, LearnerHistory.Empty), enriched.Event.OccurredAt, options.CurrentValue);
            return ValueTask.FromResult(new BehaviorSnapshot(
                history,
                sources.GetValueOrDefault(AddressKey(keys), SourceActivity.Empty),
                sources.GetValueOrDefault(NetworkKey(keys), SourceActivity.Empty),
                decisions.GetValueOrDefault(DecisionKey(enriched))));
        }
    }

    public ValueTask<bool> RecordAsync(EnrichedEvent enriched, Decision decision, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var keys = enriched.Keys;
        lock (gate)
        {
            if (!decisions.TryAdd(DecisionKey(enriched), decision))
            {
                return ValueTask.FromResult(false);
            }

            decisionExpiry.Enqueue(DecisionKey(enriched), enriched.Event.OccurredAt + settings.DecisionRetention);
            ForgetDecisionsBefore(enriched.Event.OccurredAt);
            learners[keys.Learner] = HistoryUpdate.Apply(learners.GetValueOrDefault(keys.Learner, LearnerHistory.Empty), enriched, decision, settings);
            sources[AddressKey(keys)] = Failures.Apply(sources.GetValueOrDefault(AddressKey(keys), SourceActivity.Empty), enriched, settings);
            sources[NetworkKey(keys)] = Failures.Apply(sources.GetValueOrDefault(NetworkKey(keys), SourceActivity.Empty), enriched, settings);
            return ValueTask.FromResult(true);
        }
    }

    /// <summary>Erasure: the learner's history and decisions, and their failed sign-ins in every address's and network's activity.</summary>
    public void Forget(string learner)
    {
        lock (gate)
        {
            learners.Remove(learner);
            foreach (var key in decisions.Keys.Where(k => k.StartsWith(learner + "/", StringComparison.Ordinal)).ToList())
            {
                decisions.Remove(key);
            }

            foreach (var (key, activity) in sources.ToList())
            {
                sources[key] = new SourceActivity([.. activity.Failures.Where(f => f.Key != learner)]);
            }
        }
    }

    private static string AddressKey(StateKeys keys) => "ip:" + keys.Address;

    private static string NetworkKey(StateKeys keys) => "net:" + keys.Network;

    private static string DecisionKey(EnrichedEvent enriched) => enriched.Keys.Learner + "/" + enriched.Event.EventId;

    private void ForgetDecisionsBefore(DateTimeOffset now)
    {
        while (decisionExpiry.TryPeek(out var key, out var expiresAt) && expiresAt < now)
        {
            decisionExpiry.Dequeue();
            decisions.Remove(key);
        }
    }
}
