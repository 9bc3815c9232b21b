using LoginGuard.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LoginGuard.Worker.Api;

/// <summary>
/// Unhealthy once a Kafka client reported a fatal error or a lane failed (the worker is stopping then). A broker that is merely
/// unreachable is not fatal: librdkafka reconnects, events wait in Kafka, and the consumer lag shows it.
/// </summary>
internal sealed class KafkaHealthCheck(KafkaFault fault) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            fault.Error is { } error ? HealthCheckResult.Unhealthy($"Fatal Kafka error {error.Code}; the worker stops and must be restarted.")
            : fault.LaneFailure is { } failure ? HealthCheckResult.Unhealthy($"A lane failed ({failure.GetType().Name}); the worker stops and must be restarted.")
            : HealthCheckResult.Healthy("No fatal Kafka error."));
}
