using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Ingestion.Kafka;

/// <summary>
/// The first fatal error any Kafka client reported. A fatal error leaves a client unusable (a fenced
/// idempotent producer, a consumer the group expelled for good), so the consume loop stops on it.
/// </summary>
internal sealed class KafkaFault(ILogger<KafkaFault> logger) : IDisposable
{
    private readonly CancellationTokenSource faulted = new();
    private Error? error;

    public CancellationToken Faulted => faulted.Token;

    public Error? Error => Volatile.Read(ref error);

    public void Report(Error fatal)
    {
        if (Interlocked.CompareExchange(ref error, fatal, null) is null)
        {
            KafkaLog.FatalError(logger, fatal.Code, fatal.Reason);
            faulted.Cancel();
        }
    }

    /// <summary>Logs a client error; fatal ones stop the loop.</summary>
    public void Observe(Error reported)
    {
        if (reported.IsFatal)
        {
            Report(reported);
        }
        else
        {
            KafkaLog.ClientError(logger, reported.Code, reported.Reason);
        }
    }

    public void Dispose() => faulted.Dispose();
}
