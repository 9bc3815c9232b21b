using LoginGuard.Activity;
using LoginGuard.Alerts;
using LoginGuard.Enrichment;
using LoginGuard.Ingestion;
using LoginGuard.Privacy;
using LoginGuard.Scoring;
using LoginGuard.State;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Pipeline;

/// <summary>
/// One message, one way: wire bytes → validated event → enriched event → snapshot → assessment →
/// alerts queued → state recorded → activity recorded (or, for a deleted account, everything erased) → decision. The caller publishes the outcome and only then moves on
/// (stores the offset), so a crash anywhere repeats work that is idempotent rather than losing it.
/// </summary>
internal sealed class LoginPipeline(
    Enricher enricher,
    IBehaviorStore store,
    RiskScorer scorer,
    IAlertOutbox outbox,
    IActivityLog activity,
    ILearnerEraser eraser,
    PipelineMetrics metrics,
    ILogger<LoginPipeline> logger)
{
    public async ValueTask<PipelineOutcome> ProcessAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var started = metrics.Start();
        var parsed = EventParser.Parse(message.Span);
        if (!parsed.IsAccepted)
        {
            Log.Rejected(logger, parsed.Rejection.Reason, parsed.Rejection.Field);
            return new DeadLettered(parsed.Rejection);
        }

        var enriched = enricher.Enrich(parsed.Event);
        var snapshot = await store.LoadAsync(enriched, cancellationToken);
        if (snapshot.PreviousDecision is { } previous)
        {
            Log.Redelivered(logger, previous.EventId);
            return new Decided(previous with { Duplicate = true }, null, []);
        }

        var assessment = scorer.Assess(enriched, snapshot);
        var (alerts, unaddressable) = Address(enriched, AlertPolicy.AlertsFor(enriched, assessment));

        // Queued before the state is recorded: a crash in between re-queues the same alert ids
        // (deduplicated) instead of recording an event whose mail was never queued.
        var mailed = await outbox.EnqueueAsync(alerts, cancellationToken);
        var decision = Decision.For(enriched.Event, assessment, mailed.Select(a => a.Kind).Distinct().ToList()) with { Context = DecisionContext.Of(enriched) };
        if (!await store.RecordAsync(enriched, decision, cancellationToken))
        {
            Log.Redelivered(logger, decision.EventId);
            return new Decided(decision with { Duplicate = true }, null, []);
        }

        await RecordActivityAsync(enriched, decision, alerts, cancellationToken);
        metrics.Decided(decision, started);
        Log.Decided(logger, decision.EventId, enriched.Event.Type, decision.RiskLevel, decision.Alerts.Count);
        foreach (var skipped in unaddressable)
        {
            Log.Unaddressable(logger, decision.EventId, skipped.Kind, skipped.Reason);
        }

        return new Decided(decision, enriched, unaddressable) { Mailed = mailed };
    }

    /// <summary>
    /// After the decision is recorded, as its own store call. A deleted account is erased instead, this event's
    /// decision with the rest; a redelivery of it finds nothing and erases again, which changes nothing.
    /// </summary>
    private Task RecordActivityAsync(EnrichedEvent enriched, Decision decision, IReadOnlyList<Alert> owed, CancellationToken cancellationToken) =>
        enriched.Event.Type == AuthEventType.AccountDeleted
            ? eraser.EraseAsync(enriched.Event.UserId, cancellationToken)
            : activity.RecordAsync(enriched.Keys.Learner, ActivityEntry.Of(enriched, decision, owed), cancellationToken);

    private static (List<Alert> Alerts, List<UnaddressableAlert> Unaddressable) Address(EnrichedEvent enriched, IReadOnlyList<AlertKind> kinds)
    {
        var alerts = new List<Alert>(kinds.Count);
        var unaddressable = new List<UnaddressableAlert>();
        foreach (var kind in kinds)
        {
            foreach (var recipient in Recipients.For(enriched.Event, kind))
            {
                if (Recipients.Problem(recipient) is { } problem)
                {
                    unaddressable.Add(new UnaddressableAlert(kind, problem));
                }
                else
                {
                    alerts.Add(Alert.For(enriched, kind, recipient!.Trim()));
                }
            }
        }

        return (alerts, unaddressable);
    }
}
