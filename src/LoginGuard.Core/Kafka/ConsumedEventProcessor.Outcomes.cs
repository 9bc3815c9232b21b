using Confluent.Kafka;
using LoginGuard.Contracts;
using LoginGuard.Pipeline;

namespace LoginGuard.Kafka;

/// <summary>
/// What becomes of a processed event: its decision or dead letter published, its publication recorded, or, when the
/// cluster refuses its decision for good, the event parked once.
/// </summary>
internal sealed partial class ConsumedEventProcessor
{
    private ValueTask PublishAsync(ConsumedEvent consumed, System.Diagnostics.Activity? span, PipelineOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case Decided decided:
                span?.SetTag("loginguard.event.type", decided.Decision.Type.ToWireName());
                span?.SetTag("loginguard.risk.level", decided.Decision.RiskLevel.ToWireName());
                if (decided.Publication is { } publication)
                {
                    inFlight.Add(publication);
                }

                return decisions.PublishAsync(
                    decided.Decision, EventTracing.ContextFor(consumed, span), () => Delivered(consumed, decided), error => Refused(consumed, decided, error), cancellationToken);
            case DeadLettered dead:
                span?.SetTag("loginguard.dead_letter.reason", dead.Rejection.Reason);
                return deadLetters.PublishAsync(consumed, dead.Rejection, cancellationToken);
            default:
                throw new InvalidOperationException($"Unknown pipeline outcome {outcome.GetType().Name}.");
        }
    }

    /// <summary>
    /// The cluster has the decision: record that, and only then let the offset move past its event. A crash in between
    /// republishes the decision unmarked, so a consumer may see it twice; recording before publishing could instead
    /// send the only copy out marked as a duplicate, which a consumer may skip.
    /// </summary>
    private void Delivered(ConsumedEvent consumed, Decided decided)
    {
        if (decided.Publication is { } publication)
        {
            _ = RecordAsync(consumed, publication, published);
        }
        else
        {
            consumed.Complete();
        }
    }

    /// <summary>Records that the decision was published, or its event parked, and only then lets the offset move past the event.</summary>
    private async Task RecordAsync(ConsumedEvent consumed, State.Publication publication, PublicationMarks marks)
    {
        // Not given up when the partition is revoked: the decision is out (or parked), and the record keeps the partition's
        // next owner (this worker again, after a rebalance) from publishing it unmarked (or parking it again). Only a fatal
        // stop abandons it.
        var stopping = fault.Faulted;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await marks.WriteAsync(publication);
                    inFlight.Remove(publication);
                    consumed.Complete();
                    return;
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    // Redis is away: the offset waits, as it does for the event itself.
                    KafkaLog.PublicationNotRecorded(logger, e, consumed.Topic, consumed.Partition, consumed.Offset, attempt);
                    await Task.Delay(Backoff(attempt), stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The offset was not stored, and the next owner finds the decision unmarked.
            inFlight.Remove(publication);
        }
    }

    /// <summary>
    /// A decision the cluster will never take parks its event, once: not when this delivery's decision is a duplicate
    /// (its first copy went out, or is being parked from earlier in the partition) or its event was parked before. A topic
    /// it may not write stops the worker.
    /// </summary>
    private void Refused(ConsumedEvent consumed, Decided decided, Error error)
    {
        var publication = decided.Publication;
        if (!ProduceRefusal.IsAboutTheMessage(error.Code))
        {
            Forget(publication);
            fault.Report(error);
        }
        else if (decided.Decision.Duplicate || decided.Parked)
        {
            // An earlier copy still being parked keeps the entry until its mark is written, so a third copy is not parked either.
            if (publication is not null && !inFlight.IsParking(publication))
            {
                inFlight.Remove(publication);
            }

            KafkaLog.NotParkedAgain(logger, consumed.Topic, consumed.Partition, consumed.Offset, decided.Decision.Duplicate ? "its first copy went out or is being parked" : "its event was parked before");
            consumed.Complete();
        }
        else
        {
            if (publication is not null)
            {
                inFlight.Parking(publication);
            }

            _ = ParkRefusedAsync(consumed, publication, error);
        }
    }

    private void Forget(State.Publication? publication)
    {
        if (publication is not null)
        {
            inFlight.Remove(publication);
        }
    }

    private async Task ParkRefusedAsync(ConsumedEvent consumed, State.Publication? publication, Error error)
    {
        // A decision kept in the store gets a parked mark, so a later delivery of its event (a producer that sent it twice)
        // is not parked again; one not kept (an unknown user's failure) has nothing to mark, and is parked on every delivery.
        Action delivered = publication is null ? consumed.Complete : () => _ = RecordAsync(consumed, publication, parked);
        try
        {
            await parking.ParkAsync(consumed, ParkingPublisher.PublishRefused, $"{error.Code}: {error.Reason}", 1, delivered, fault.Faulted);
        }
        catch (OperationCanceledException)
        {
            // The worker is stopping on a fatal error; the event's offset was not stored and it is redelivered.
            Forget(publication);
        }
    }
}
