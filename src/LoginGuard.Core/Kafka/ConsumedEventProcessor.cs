using System.Diagnostics;
using Confluent.Kafka;
using LoginGuard.Contracts;
using LoginGuard.Pipeline;
using LoginGuard.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Kafka;

/// <summary>
/// What a lane does with a batch of messages: run the pipeline, then publish each decision or dead letter; a
/// message counts as done (its offset may be stored) when the cluster has that. A batch that fails is done again
/// one event at a time, in order, so an event that cannot be done holds up nobody but itself. An event that fails
/// is retried with backoff; after <see cref="KafkaOptions.PauseAfterAttempts"/> its partitions are marked stuck so
/// the poll loop pauses them. After <see cref="KafkaOptions.ParkAfterAttempts"/> it is parked, if it never failed
/// the way an outage does on its last try (<see cref="OutageFailures"/>: Redis away, timing out, failing over, out
/// of memory) and either other events went through since its first failure (<see cref="EventsGoingThrough"/>) or
/// its last <see cref="KafkaOptions.ParkAfterAttempts"/> tries failed with the same error. While Redis or the outbox is down, wholly or one shard of it, events wait however
/// long that takes and none is parked.
/// </summary>
internal sealed class ConsumedEventProcessor(
    LoginPipeline pipeline,
    KafkaDecisionPublisher decisions,
    DeadLetterPublisher deadLetters,
    ParkingPublisher parking,
    PublicationsInFlight inFlight,
    KafkaFault fault,
    IOptions<KafkaOptions> options,
    ILogger<ConsumedEventProcessor> logger)
{
    private readonly KafkaOptions settings = options.Value;
    private readonly EventsGoingThrough goingThrough = new();

    public async Task ProcessAsync(IReadOnlyList<ConsumedEvent> batch, CancellationToken cancellationToken)
    {
        var live = batch.Where(consumed => !consumed.Lease.Revoked.IsCancellationRequested).ToList();
        if (live.Count == 0)
        {
            return;
        }

        var spans = live.Select(EventTracing.Start).ToList();
        try
        {
            await ProcessAsync(live, spans, cancellationToken);
        }
        finally
        {
            spans.ForEach(span => span?.Dispose());
        }
    }

    private async Task ProcessAsync(List<ConsumedEvent> live, List<System.Diagnostics.Activity?> spans, CancellationToken cancellationToken)
    {
        var since = goingThrough.Mark();
        IReadOnlyList<PipelineOutcome> outcomes;
        try
        {
            outcomes = await pipeline.ProcessAsync(live.Select(Value).ToList(), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var first = live[0];
            KafkaLog.ProcessingRetried(logger, e, live.Count, first.Topic, first.Partition, first.Offset, 1, TimeSpan.Zero);
            var leases = live.Select(consumed => consumed.Lease).Distinct().ToList();
            foreach (var (consumed, span) in live.Zip(spans))
            {
                await ProcessAloneAsync(consumed, span, leases, live.Count == 1 ? e : null, since, cancellationToken);
            }

            return;
        }

        goingThrough.Passed(live.Count);
        foreach (var ((consumed, span), outcome) in live.Zip(spans).Zip(outcomes))
        {
            await PublishAsync(consumed, span, outcome, cancellationToken);
        }
    }

    private static ReadOnlyMemory<byte> Value(ConsumedEvent consumed) => consumed.Value ?? ReadOnlyMemory<byte>.Empty;

    /// <summary>
    /// Retries one event until it goes through, is parked, or its partition is revoked. <paramref name="failed"/> is
    /// the batch attempt's error when the batch was this event alone, so that attempt counts.
    /// </summary>
    private async Task ProcessAloneAsync(
        ConsumedEvent consumed, System.Diagnostics.Activity? span, List<PartitionLease> leases, Exception? failed, long since, CancellationToken cancellationToken)
    {
        using var revoked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, consumed.Lease.Revoked);
        var attempts = failed is null ? 0 : 1;
        var signature = failed is null ? null : Signature(failed);
        var sameInARow = attempts;
        var stuck = false;
        try
        {
            while (true)
            {
                if (failed is null)
                {
                    try
                    {
                        var outcome = (await pipeline.ProcessAsync([Value(consumed)], revoked.Token))[0];
                        goingThrough.Passed(1);
                        await PublishAsync(consumed, span, outcome, cancellationToken);
                        return;
                    }
                    catch (Exception e) when (!revoked.IsCancellationRequested)
                    {
                        failed = e;
                        attempts++;
                        sameInARow = Signature(e) == signature ? sameInARow + 1 : 1;
                        signature = Signature(e);
                    }
                }

                if (attempts >= settings.ParkAfterAttempts && !OutageFailures.Is(failed)
                    && (sameInARow >= settings.ParkAfterAttempts || goingThrough.Since(since)))
                {
                    span?.SetStatus(ActivityStatusCode.Error, "parked");
                    await parking.ParkAsync(consumed, ParkingPublisher.ProcessingFailed, $"{failed.GetType().Name}: {failed.Message}", attempts, cancellationToken);
                    return;
                }

                if (attempts == settings.PauseAfterAttempts && !stuck)
                {
                    leases.ForEach(lease => lease.MarkStuck());
                    stuck = true;
                }

                var delay = Backoff(attempts);
                KafkaLog.ProcessingRetried(logger, failed, 1, consumed.Topic, consumed.Partition, consumed.Offset, attempts + 1, delay);
                failed = null;
                await Task.Delay(delay, revoked.Token);
            }
        }
        catch (OperationCanceledException) when (revoked.IsCancellationRequested)
        {
            // Revoked or abandoned: the partition's next owner processes the event again from the committed offset.
        }
        finally
        {
            if (stuck)
            {
                leases.ForEach(lease => lease.MarkRecovered());
            }
        }
    }

    private static string Signature(Exception failure) => $"{failure.GetType().FullName}: {failure.Message}";

    /// <summary>Doubling from <see cref="KafkaOptions.RetryBaseDelay"/> up to <see cref="KafkaOptions.RetryMaxDelay"/>, with jitter so lanes do not retry in step.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var doubled = settings.RetryBaseDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = doubled < settings.RetryMaxDelay ? doubled : settings.RetryMaxDelay;
        return capped * (0.5 + (Random.Shared.NextDouble() / 2));
    }

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
            _ = RecordPublishedAsync(consumed, publication);
        }
        else
        {
            consumed.Complete();
        }
    }

    private async Task RecordPublishedAsync(ConsumedEvent consumed, State.Publication publication)
    {
        // Not given up when the partition is revoked: the decision is out, and the record keeps the partition's next
        // owner (this worker again, after a rebalance) from publishing it unmarked. Only a fatal stop abandons it.
        var stopping = fault.Faulted;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await pipeline.PublishedAsync([publication], stopping);
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

    /// <summary>A decision the cluster will never take parks its event; a topic it may not write stops the worker.</summary>
    private void Refused(ConsumedEvent consumed, Decided decided, Error error)
    {
        if (decided.Publication is { } publication)
        {
            inFlight.Remove(publication);
        }

        if (ProduceRefusal.IsAboutTheMessage(error.Code))
        {
            _ = ParkRefusedAsync(consumed, error);
        }
        else
        {
            fault.Report(error);
        }
    }

    private async Task ParkRefusedAsync(ConsumedEvent consumed, Error error)
    {
        try
        {
            await parking.ParkAsync(consumed, ParkingPublisher.PublishRefused, $"{error.Code}: {error.Reason}", 1, fault.Faulted);
        }
        catch (OperationCanceledException)
        {
            // The worker is stopping on a fatal error; the event's offset was not stored and it is redelivered.
        }
    }
}
