using LoginGuard.Enrichment.GeoIp;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LoginGuard.Worker.Api;

/// <summary>
/// Degraded without geo databases: events are still decided, but no location rule can fire and mails name no
/// place, which nothing else would show an operator who forgot the <c>GeoIp</c> settings.
/// </summary>
internal sealed class GeoIpHealthCheck(IOptions<GeoIpOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(options.Value.IsConfigured
            ? HealthCheckResult.Healthy("GeoIP databases are configured.")
            : HealthCheckResult.Degraded("No GeoIP database is configured (GeoIp:CityDatabasePath, GeoIp:AsnDatabasePath): location rules never fire and mails name no place."));
}
