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
/// Walks a JSON Lines stream the way <see cref="LoginPipeline"/> does: parse, enrich, load the snapshot,
/// featurise, decide, and only then record the event, so every feature is what it was at that moment.
/// Lines that would be dead-lettered and redeliveries are skipped, as the pipeline skips them.
/// </summary>
internal static class EventReplay
{
    /// <param name="population">Who uses which browser and network: the model's, or the one counted for training.</param>
    /// <param name="observe">Sees each step before its decision is recorded.</param>
    public static async Task RunAsync(string eventsFile, ReplayEnvironment environment, Population population, Action<ReplayStep> observe, CancellationToken cancellationToken)
    {
        var store = environment.NewStore();
        var scorer = environment.Scorer;
        foreach (var enriched in Enriched(eventsFile, environment))
        {
            var snapshot = await store.LoadAsync(enriched, cancellationToken);
            if (snapshot.PreviousDecision is not null)
            {
                continue;
            }

            var step = new ReplayStep(enriched, snapshot, LoginFeatureExtractor.Extract(enriched, snapshot, population), scorer.Assess(enriched, snapshot));
            observe(step);
            await store.RecordAsync(enriched, Decision.For(enriched.Event, step.Decision, []), cancellationToken);
        }
    }

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
}
