using LoginGuard.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace LoginGuard.Ingestion.Kafka;

/// <summary>
/// What a lane does with one message: run the pipeline until it goes through, then publish the decision
/// or the dead letter; the message counts as done (its offset may be stored) when the cluster has that.
/// While Redis or the outbox is down the pipeline throws: the attempt is retried with backoff, and after
/// <see cref="KafkaOptions.PauseAfterAttempts"/> the partition is marked stuck so the poll loop pauses it.
/// An event is never skipped; only revoking its partition stops the retries.
/// </summary>
internal sealed class ConsumedEventProcessor
{
    private static readonly ResiliencePropertyKey<ConsumedEvent> EventKey = new("loginguard.event");
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
                var consumed = args.Context.Properties.GetValue(EventKey, null!);
                KafkaLog.ProcessingRetried(logger, args.Outcome.Exception, consumed.Topic, consumed.Partition, consumed.Offset, args.AttemptNumber + 1, args.RetryDelay);
                if (args.AttemptNumber + 1 == settings.PauseAfterAttempts)
                {
                    consumed.Lease.MarkStuck();
                    args.Context.Properties.Set(StuckKey, true);
                }

                return default;
            },
        }).Build();
    }

    public async Task ProcessAsync(ConsumedEvent consumed, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, consumed.Lease.Revoked);
        var context = ResilienceContextPool.Shared.Get(linked.Token);
        context.Properties.Set(EventKey, consumed);
        try
        {
            var outcome = await retry.ExecuteAsync(
                static (context, state) => state.pipeline.ProcessAsync(state.consumed.Value ?? ReadOnlyMemory<byte>.Empty, context.CancellationToken),
                context,
                (pipeline, consumed));
            await PublishAsync(consumed, outcome, linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Revoked or abandoned: the partition's next owner processes the event again from the committed offset.
        }
        finally
        {
            if (context.Properties.GetValue(StuckKey, false))
            {
                consumed.Lease.MarkRecovered();
            }

            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ValueTask PublishAsync(ConsumedEvent consumed, PipelineOutcome outcome, CancellationToken cancellationToken) => outcome switch
    {
        Decided decided => decisions.PublishAsync(decided.Decision, consumed.Complete, cancellationToken),
        DeadLettered dead => deadLetters.PublishAsync(consumed, dead.Rejection, cancellationToken),
        _ => throw new InvalidOperationException($"Unknown pipeline outcome {outcome.GetType().Name}."),
    };
}
