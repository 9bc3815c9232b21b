using System.Diagnostics;
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
internal sealed partial class ConsumedEventProcessor(
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
    private readonly PublicationMarks published = new(pipeline.PublishedAsync, fault.Faulted);
    private readonly PublicationMarks parked = new(pipeline.ParkedAsync, fault.Faulted);

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
                    await parking.ParkAsync(consumed, ParkingPublisher.ProcessingFailed, $"{failed.GetType().Name}: {failed.Message}", attempts, consumed.Complete, cancellationToken);
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
}
