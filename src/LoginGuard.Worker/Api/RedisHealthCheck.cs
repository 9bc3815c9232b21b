using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace LoginGuard.Worker.Api;

/// <summary>Unhealthy while Redis does not answer: no event can be decided then (the consumer retries and pauses).</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer PING.", e);
        }
    }
}
