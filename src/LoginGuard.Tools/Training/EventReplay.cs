using System.Text;
using LoginGuard.Contracts;
using LoginGuard.Ingestion;
using LoginGuard.Pipeline;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;

namespace LoginGuard.Tools.Training;

/// <summary>One event as the pipeline saw it: enriched, with the state before it, the features computed from both, and the worker's decision.</summary>
internal sealed record ReplayStep(EnrichedEvent Enriched, BehaviorSnapshot Snapshot, LoginFeatures Features, RiskAssessment Decision);

/// <summary>
/// Replays a JSON Lines stream through the pipeline the worker runs (<see cref="ReplayEnvironment.ReplayAsync"/>) and
/// hands each scored event, featurised against the state before it, to the caller: what the pipeline does not score
/// (dead letters, redeliveries) is not seen, and the state is what the pipeline keeps (an account.deleted erases it).
/// </summary>
internal static class EventReplay
{
    /// <param name="population">Who uses which browser and network: the model's, or the one counted for training.</param>
    /// <param name="observe">Sees each step before its decision is recorded.</param>
    public static Task RunAsync(string eventsFile, ReplayEnvironment environment, Population population, Action<ReplayStep> observe, CancellationToken cancellationToken) =>
        environment.ReplayAsync(eventsFile, new Featuriser(population, observe), cancellationToken);

    /// <summary>Every event the pipeline would accept, enriched, redeliveries included.</summary>
    public static IEnumerable<EnrichedEvent> Enriched(string eventsFile, ReplayEnvironment environment)
    {
        var enricher = environment.Enricher;
        foreach (var line in File.ReadLines(eventsFile, Encoding.UTF8))
        {
            var parsed = EventParser.Parse(Encoding.UTF8.GetBytes(line));
            if (parsed.IsAccepted)
            {
                yield return enricher.Enrich(parsed.Event);
            }
        }
    }

    private sealed class Featuriser(Population population, Action<ReplayStep> observe) : IAssessmentObserver
    {
        public void Assessed(EnrichedEvent enriched, BehaviorSnapshot snapshot, RiskAssessment assessment) =>
            observe(new ReplayStep(enriched, snapshot, LoginFeatureExtractor.Extract(enriched, snapshot, population), assessment));
    }
}
