using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Kafka;

/// <summary>
/// The first fatal error any Kafka client reported, or a lane that failed. A fatal error leaves a client unusable
/// (a fenced idempotent producer, a consumer the group expelled for good), a permanent refusal of a whole topic
/// would fail every event alike, and a dead lane would hold its events forever: the consume loop stops on each,
/// readiness turns unhealthy and the process exits non-zero.
/// </summary>
internal sealed class KafkaFault(ILogger<KafkaFault> logger) : IDisposable
{
    private readonly CancellationTokenSource faulted = new();
    private Error? error;
    private Exception? laneFailure;

    public CancellationToken Faulted => faulted.Token;

    public Error? Error => Volatile.Read(ref error);

    /// <summary>What ended a lane, when one ended before the worker stopped.</summary>
    public Exception? LaneFailure => Volatile.Read(ref laneFailure);

    public bool IsFaulted => Error is not null || LaneFailure is not null;

    public void ReportLaneFailure(int lane, Exception exception)
    {
        if (Interlocked.CompareExchange(ref laneFailure, exception, null) is null)
        {
            KafkaLog.LaneFailed(logger, exception, lane);
            faulted.Cancel();
        }
    }

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
