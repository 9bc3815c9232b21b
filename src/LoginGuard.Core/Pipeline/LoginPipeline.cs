using LoginGuard.Activity;
using LoginGuard.Alerts;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.Ingestion;
using LoginGuard.LearnerRecords;
using LoginGuard.Scoring;
using LoginGuard.State;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Pipeline;

/// <summary>
/// Messages, one way: wire bytes → validated events → enriched events → snapshots → assessments → alerts
/// queued → state recorded → activity recorded (or, for a deleted account, everything erased) → decisions.
/// An event dated outside the stream's present (<see cref="IEventTimeWindow"/>) is dead-lettered before it is scored.
/// A batch is read from the store at once and written at once, and between the two its events are scored in order, each against the state the earlier ones left. The
/// caller publishes the outcomes and only then moves on (stores the offsets), so a crash anywhere repeats
/// work that is idempotent rather than losing it.
/// </summary>
internal sealed partial class LoginPipeline(
    Enricher enricher,
    IBehaviorStore store,
    RiskScorer scorer,
    AlertPolicy policy,
    IAlertOutbox outbox,
    IActivityLog activity,
    IErasureQueue erasures,
    IEventTimeWindow window,
    PublicationsInFlight inFlight,
    PipelineMetrics metrics,
    IEnumerable<IAssessmentObserver> observers,
    ILogger<LoginPipeline> logger)
{
    private readonly IAssessmentObserver[] observers = [.. observers];

    public async ValueTask<PipelineOutcome> ProcessAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        (await ProcessAsync([message], cancellationToken))[0];

    /// <summary>One outcome per message, in the order given.</summary>
    public async ValueTask<IReadOnlyList<PipelineOutcome>> ProcessAsync(IReadOnlyList<ReadOnlyMemory<byte>> messages, CancellationToken cancellationToken)
    {
        var started = metrics.Start();
        var outcomes = new PipelineOutcome?[messages.Count];
        var accepted = new List<(int Index, EnrichedEvent Enriched)>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            var parsed = EventParser.Parse(messages[i].Span);
            if (parsed.IsAccepted)
            {
                accepted.Add((i, enricher.Enrich(parsed.Event)));
            }
            else
            {
                Log.Rejected(logger, parsed.Rejection.Reason, parsed.Rejection.Field);
                outcomes[i] = new DeadLettered(parsed.Rejection);
            }
        }

        // An account.deleted ends its part of the batch: its tombstone is laid after that part's state is written, and a
        // later event of the same account that the same batch holds must meet it.
        var part = new List<(int Index, EnrichedEvent Enriched)>();
        foreach (var item in accepted)
        {
            part.Add(item);
            if (item.Enriched.Event.Type == AuthEventType.AccountDeleted)
            {
                await DecideAsync(part, outcomes, started, cancellationToken);
                part = [];
            }
        }

        if (part.Count > 0)
        {
            await DecideAsync(part, outcomes, started, cancellationToken);
        }

        return outcomes!;
    }

    private async Task DecideAsync(List<(int Index, EnrichedEvent Enriched)> accepted, PipelineOutcome?[] outcomes, long started, CancellationToken cancellationToken)
    {
        // Asked before the store is read: a publication leaves this set only once its record is written, so one recorded
        // in between is seen in the set or in the store, never in neither.
        var publications = accepted.Select(a => PublicationOf(a.Enriched)).ToList();
        var onTheirWay = publications.Where(inFlight.Contains).ToHashSet();
        var parking = publications.Where(inFlight.IsParking).ToHashSet();

        // Read before scoring: a rules reload in between may lengthen a window for this one batch only.
        var batch = await store.BeginAsync(accepted.Select(a => a.Enriched).ToList(), scorer.SourceLookback, cancellationToken);
        var scored = new List<Scored>(accepted.Count);
        var redelivered = new List<(int Index, string DecisionKey)>();

        // An event its producer sent twice can have both copies in one batch: only the first goes out as the first copy.
        var publishing = new HashSet<Publication>();
        foreach (var (index, enriched) in accepted)
        {
            var snapshot = batch.Snapshot(enriched);
            // Marked a duplicate only if it was published or is on its way: a crash between recording a decision and
            // publishing it must not send the only copy out as one a consumer may skip.
            if (snapshot.PreviousDecision is { } previous)
            {
                Log.Redelivered(logger, previous.EventId);
                var publication = PublicationOf(enriched);
                outcomes[index] = previous.Duplicate || onTheirWay.Contains(publication) || !publishing.Add(publication)
                    ? new Decided(previous with { Duplicate = true }, null, [])
                    : new Decided(previous, null, []) { Publication = publication, Parked = batch.WasParked(enriched) || parking.Contains(publication) };
                redelivered.Add((index, BehaviorBatch.DecisionKey(enriched)));
                continue;
            }

            // The second copy within one batch: it is published after the first, with the first's decision, once
            // that decision is made.
            if (batch.HasRecorded(enriched))
            {
                Log.Redelivered(logger, enriched.Event.EventId);
                redelivered.Add((index, BehaviorBatch.DecisionKey(enriched)));
                continue;
            }

            // An unknown user's failure keeps no decision (a flood would keep millions): its place in its address's
            // failures shows it was recorded before. Scored again, it gets the same verdict, since a failure's
            // windows leave out its own eventId, and changes nothing. Whether it was published is not kept either,
            // so it goes out again unmarked: a consumer may see it twice, never miss it.
            if (enriched.Event.NamesNoAccount && snapshot.Address.Holds(enriched.Event.EventId, enriched.Event.OccurredAt))
            {
                Log.Redelivered(logger, enriched.Event.EventId);
                outcomes[index] = new Decided(DecisionFor(enriched, scorer.Assess(enriched, snapshot), []), null, []);
                continue;
            }

            // An event of what an erasure took (from before it, or of an account deleted) is published as such and kept
            // nowhere. An account.deleted itself is carried out on every delivery.
            var deletion = enriched.Event.Type == AuthEventType.AccountDeleted;
            if (!deletion && batch.IsErased(enriched))
            {
                outcomes[index] = Erased(enriched, started);
                continue;
            }

            // After the redelivery check: a redelivered event keeps its decision however old it has become. An
            // account.deleted moves no clock (everything it would touch is erased), and must erase whatever its date.
            if (!deletion && window.Admit(enriched.Event.OccurredAt, batch.Options) is { } outside)
            {
                Log.Rejected(logger, outside.Reason, outside.Field);
                outcomes[index] = new DeadLettered(outside);
                continue;
            }

            var assessment = scorer.Assess(enriched, snapshot);
            foreach (var observer in observers)
            {
                observer.Assessed(enriched, snapshot, assessment);
            }

            var (alerts, unaddressable) = Address(enriched, snapshot.Learner, policy.AlertsFor(enriched, assessment));

            // An account.deleted keeps no state or decision: its erasure would only take them again.
            if (!deletion)
            {
                batch.Record(enriched, assessment);
            }

            scored.Add(new Scored(index, enriched, assessment, alerts, unaddressable));
        }

        // Queued before the state is recorded: a crash in between re-queues the same alert ids
        // (deduplicated) instead of recording events whose mail was never queued. What the outbox answers
        // (the new-device throttle may hold some back) completes each decision.
        var mailed = (await outbox.EnqueueAsync([.. scored.SelectMany(s => s.Alerts.Select(alert => AddressedAlert.For(s.Enriched, alert)))], cancellationToken))
            .ToLookup(alert => alert.Event.EventId, StringComparer.Ordinal);
        var decisions = scored
            .Select(s => DecisionFor(s.Enriched, s.Assessment, mailed[s.Enriched.Event.EventId].Select(a => a.Kind).Distinct().ToList()))
            .ToList();
        var records = scored.Zip(decisions)
            .Where(pair => pair.First.Enriched.Event.Type != AuthEventType.AccountDeleted)
            .Select(pair => new RecordedEvent(pair.First.Enriched, pair.Second))
            .ToList();

        // Sent just before the state on the same connection, and idempotent by eventId: a crash between the
        // two writes the same entries again, where writing them after would lose them to the redelivery,
        // which finds the event decided. An unknown user has no account whose activity anyone could look at.
        var activityWrite = activity.RecordAsync(
            [
                .. scored.Zip(decisions)
                    .Where(pair => pair.First.Enriched.Event.Type != AuthEventType.AccountDeleted && !pair.First.Enriched.Event.NamesNoAccount)
                    .Select(pair => (pair.First.Enriched.Keys.Learner, ActivityEntry.Of(pair.First.Enriched, pair.Second, pair.First.Alerts))),
            ],
            cancellationToken);
        var committed = await store.CommitAsync(batch, records, cancellationToken);
        await activityWrite;
        await EraseAsync(accepted, scored.Where(s => committed.Erased.Contains(s.Enriched.Event.EventId)), cancellationToken);

        var final = new Dictionary<string, Decision>(StringComparer.Ordinal);
        foreach (var (s, decision) in scored.Zip(decisions))
        {
            final[BehaviorBatch.DecisionKey(s.Enriched)] = decision;
            if (committed.RecordedElsewhere.Contains(decision.EventId))
            {
                Log.Redelivered(logger, decision.EventId);
                outcomes[s.Index] = new Decided(decision with { Duplicate = true }, null, []);
                continue;
            }

            // Its learner was erased while it was being decided: what it wrote beside the state goes with the erasure above.
            if (committed.Erased.Contains(decision.EventId))
            {
                var erased = Erased(s.Enriched, started);
                final[BehaviorBatch.DecisionKey(s.Enriched)] = erased.Decision;
                outcomes[s.Index] = erased;
                continue;
            }

            Log.Decided(logger, decision.EventId, s.Enriched.Event.Type, decision.RiskLevel, decision.Alerts.Count);
            foreach (var skipped in s.Unaddressable)
            {
                Log.Unaddressable(logger, decision.EventId, skipped.Kind, skipped.Reason);
            }

            outcomes[s.Index] = new Decided(decision, s.Enriched, s.Unaddressable)
            {
                Mailed = [.. mailed[decision.EventId]],
                Publication = s.Enriched.Event.NamesNoAccount || s.Enriched.Event.Type == AuthEventType.AccountDeleted ? null : PublicationOf(s.Enriched),
            };
            metrics.Decided(decision, started);
        }

        // A copy of an event decided in this batch is published after the first, which is what makes it a duplicate.
        foreach (var (index, key) in redelivered)
        {
            if (final.TryGetValue(key, out var decision))
            {
                outcomes[index] = new Decided(decision with { Duplicate = true }, null, []);
            }
        }
    }

    /// <summary>
    /// Records that these decisions reached their consumers (the caller calls it once the cluster acknowledged them,
    /// or the replay wrote them), so a later delivery of their events republishes them as duplicates.
    /// </summary>
    public ValueTask PublishedAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken) =>
        store.MarkPublishedAsync(publications, cancellationToken);

    /// <summary>Records that the cluster refused these decisions for good and their events were parked, so a later delivery is not parked again.</summary>
    public ValueTask ParkedAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken) =>
        store.MarkParkedAsync(publications, cancellationToken);

    private static Decision DecisionFor(EnrichedEvent enriched, RiskAssessment assessment, IReadOnlyList<AlertKind> mailed) =>
        Decision.For(enriched.Event, assessment, mailed) with { Context = DecisionContext.Of(enriched) };

    private static Publication PublicationOf(EnrichedEvent enriched) => new(enriched.Keys.Learner, enriched.Event.EventId);

    private static (List<Alert> Alerts, List<UnaddressableAlert> Unaddressable) Address(EnrichedEvent enriched, LearnerHistory history, IReadOnlyList<OwedAlert> owed)
    {
        // Only for events that owe mail: most owe none, and the zone is read from the history's places.
        var learnerZone = owed.Count > 0 ? LearnerZone.Of(enriched.Geo, history) : null;
        var alerts = new List<Alert>(owed.Count);
        var unaddressable = new List<UnaddressableAlert>();
        foreach (var (kind, incident) in owed)
        {
            foreach (var recipient in Recipients.For(enriched.Event, kind))
            {
                if (Recipients.Problem(recipient) is { } problem)
                {
                    unaddressable.Add(new UnaddressableAlert(kind, problem));
                }
                else
                {
                    alerts.Add(Alert.For(enriched, kind, recipient!.Trim()) with { Incident = incident, LearnerTimeZone = learnerZone });
                }
            }
        }

        return (alerts, unaddressable);
    }

    private sealed record Scored(int Index, EnrichedEvent Enriched, RiskAssessment Assessment, List<Alert> Alerts, List<UnaddressableAlert> Unaddressable);
}
