using LoginGuard.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace LoginGuard.Ingestion.Kafka;

/// <summary>
/// What a lane does with a batch of messages: run the pipeline until it goes through, then publish each
/// decision or dead letter; a message counts as done (its offset may be stored) when the cluster has that.
/// While Redis or the outbox is down the pipeline throws: the batch is retried with backoff, and after
/// <see cref="KafkaOptions.PauseAfterAttempts"/> its partitions are marked stuck so the poll loop pauses
/// them. An event is never skipped; only revoking its partition drops it from the retries.
/// </summary>
internal sealed class ConsumedEventProcessor
{
    private static readonly ResiliencePropertyKey<IReadOnlyList<ConsumedEvent>> BatchKey = new("loginguard.batch");
    private static readonly ResiliencePropertyKey<bool> StuckKey = new("loginguard.stuck");
    private readonly LoginPipeline pipeline;
    private readonly KafkaDecisionPublisher decisions;
    private readonly DeadLetterPublisher deadLetters;
    private readonly ResiliencePipeline retry;

    public ConsumedEventProcessor(
        LoginPipeline pipeline,
        KafkaDecisionPublisher decisions,
        DeadLetterPublisher deadLetters,
        IOptions<KafkaOptions> options,
        ILogger<ConsumedEventProcessor> logger)
    {
        this.pipeline = pipeline;
        this.decisions = decisions;
        this.deadLetters = deadLetters;
        var settings = options.Value;
        retry = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = settings.RetryBaseDelay,
            MaxDelay = settings.RetryMaxDelay,
            OnRetry = args =>
            {
                var batch = args.Context.Properties.GetValue(BatchKey, []);
                var first = batch[0];
                KafkaLog.ProcessingRetried(logger, args.Outcome.Exception, batch.Count, first.Topic, first.Partition, first.Offset, args.AttemptNumber + 1, args.RetryDelay);
                if (args.AttemptNumber + 1 == settings.PauseAfterAttempts)
                {
                    foreach (var lease in Leases(batch))
                    {
                        lease.MarkStuck();
                    }

                    args.Context.Properties.Set(StuckKey, true);
                }

                return default;
            },
        }).Build();
    }

    public async Task ProcessAsync(IReadOnlyList<ConsumedEvent> batch, CancellationToken cancellationToken)
    {
        var leases = Leases(batch);
        using var allRevoked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var registrations = leases.Select(lease => lease.Revoked.Register(() =>
        {
            if (leases.All(l => l.Revoked.IsCancellationRequested))
            {
                allRevoked.Cancel();
            }
        })).ToList();
        var context = ResilienceContextPool.Shared.Get(allRevoked.Token);
        context.Properties.Set(BatchKey, batch);
        try
        {
            var (live, outcomes) = await retry.ExecuteAsync(
                static async (context, state) =>
                {
                    // A partition revoked between attempts is someone else's now: its events leave the batch.
                    var live = state.batch.Where(consumed => !consumed.Lease.Revoked.IsCancellationRequested).ToList();
                    var outcomes = await state.pipeline.ProcessAsync(live.Select(consumed => consumed.Value ?? ReadOnlyMemory<byte>.Empty).ToList(), context.CancellationToken);
                    return (live, outcomes);
                },
                context,
                (pipeline, batch));
            foreach (var (consumed, outcome) in live.Zip(outcomes))
            {
                if (!consumed.Lease.Revoked.IsCancellationRequested)
                {
                    await PublishAsync(consumed, outcome, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (allRevoked.IsCancellationRequested)
        {
            // Revoked or abandoned: the partitions' next owner processes the events again from the committed offsets.
        }
        finally
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }

            if (context.Properties.GetValue(StuckKey, false))
            {
                foreach (var lease in leases)
                {
                    lease.MarkRecovered();
                }
            }

            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static List<PartitionLease> Leases(IReadOnlyList<ConsumedEvent> batch) => batch.Select(consumed => consumed.Lease).Distinct().ToList();

    private ValueTask PublishAsync(ConsumedEvent consumed, PipelineOutcome outcome, CancellationToken cancellationToken) => outcome switch
    {
        Decided decided => decisions.PublishAsync(decided.Decision, consumed.Complete, cancellationToken),
        DeadLettered dead => deadLetters.PublishAsync(consumed, dead.Rejection, cancellationToken),
        _ => throw new InvalidOperationException($"Unknown pipeline outcome {outcome.GetType().Name}."),
    };
}
