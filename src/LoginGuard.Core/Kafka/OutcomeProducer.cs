using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Kafka;

/// <summary>
/// The one idempotent producer for decisions, dead letters and parked events. <see cref="SendAsync"/> hands a
/// message to librdkafka and returns; the caller's <c>delivered</c> runs once the cluster has it. A delivery that
/// failed for a passing reason is sent again rather than reported as done, so the event's offset is never stored
/// past it; one the cluster will never take (<see cref="ProduceRefusal"/>) goes to <c>refused</c> instead, whether
/// librdkafka refused it at once (a message over <c>message.max.bytes</c>) or the broker did.
/// </summary>
internal sealed class OutcomeProducer : IDisposable
{
    private static readonly TimeSpan QueueFullWait = TimeSpan.FromMilliseconds(5);
    private readonly IProducer<byte[]?, byte[]?> producer;
    private readonly KafkaFault fault;
    private readonly TimeSpan redeliveryDelay;
    private readonly ILogger logger;

    public OutcomeProducer(IOptions<KafkaOptions> options, KafkaFault fault, ILogger<OutcomeProducer> logger)
    {
        this.fault = fault;
        this.logger = logger;
        redeliveryDelay = options.Value.RetryBaseDelay;
        producer = new ProducerBuilder<byte[]?, byte[]?>(KafkaClientConfig.Producer(options.Value))
            .SetErrorHandler((_, error) => fault.Observe(error))
            .SetLogHandler((_, message) => KafkaLog.ClientLog(logger, message))
            .Build();
    }

    public async ValueTask SendAsync(string topic, Message<byte[]?, byte[]?> message, Action delivered, Action<Error> refused, CancellationToken cancellationToken)
    {
        while (!TryProduce(topic, message, delivered, refused))
        {
            // librdkafka's queue is full: the cluster is slower than the lanes; wait for deliveries to drain it.
            await Task.Delay(QueueFullWait, cancellationToken);
        }
    }

    public void Dispose() => producer.Dispose();

    private async Task RedeliverAsync(string topic, Message<byte[]?, byte[]?> message, Action delivered, Action<Error> refused)
    {
        try
        {
            await Task.Delay(redeliveryDelay, fault.Faulted);
            await SendAsync(topic, message, delivered, refused, fault.Faulted);
        }
        catch (OperationCanceledException)
        {
            // A fatal error stops the worker without committing this event's offset; it is redelivered after restart.
        }
    }

    private bool TryProduce(string topic, Message<byte[]?, byte[]?> message, Action delivered, Action<Error> refused)
    {
        try
        {
            producer.Produce(topic, message, report => OnDelivery(topic, message, delivered, refused, report));
            return true;
        }
        catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
        {
            return false;
        }
        catch (ProduceException<byte[]?, byte[]?> e) when (ProduceRefusal.IsPermanent(e.Error.Code))
        {
            KafkaLog.DeliveryRefused(logger, topic, e.Error.Code, e.Error.Reason);
            refused(e.Error);
            return true;
        }
    }

    private void OnDelivery(string topic, Message<byte[]?, byte[]?> message, Action delivered, Action<Error> refused, DeliveryReport<byte[]?, byte[]?> report)
    {
        if (!report.Error.IsError)
        {
            delivered();
            return;
        }

        // Messages never expire and are retried without limit (KafkaClientConfig.Producer), so a report left in
        // doubt should not happen; if one does, sending it again could write it twice, so the worker stops
        // instead and the event, its offset never stored, is decided again after the restart.
        if (report.Error.IsFatal || report.Status == PersistenceStatus.PossiblyPersisted)
        {
            fault.Report(report.Error);
            return;
        }

        if (ProduceRefusal.IsPermanent(report.Error.Code))
        {
            KafkaLog.DeliveryRefused(logger, topic, report.Error.Code, report.Error.Reason);

            // Off the producer's poll thread: what the caller does next produces again, and a full queue would wait on itself.
            _ = Task.Run(() => refused(report.Error));
            return;
        }

        // Refused by the cluster for now, so not written: sending it again cannot write it twice.
        KafkaLog.DeliveryRetried(logger, topic, report.Error.Code, report.Error.Reason);
        _ = RedeliverAsync(topic, message, delivered, refused);
    }
}
