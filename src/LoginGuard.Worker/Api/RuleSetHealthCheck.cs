using LoginGuard.Scoring;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LoginGuard.Worker.Api;

/// <summary>Degraded after a rejected reload of the rules file: the last good rule set still decides, but the edit did not take.</summary>
internal sealed class RuleSetHealthCheck(RuleSetSource rules) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = rules.Status;
        var data = new Dictionary<string, object> { ["version"] = status.Version, ["lastReload"] = status.LastReloadOutcome.ToString() };
        return Task.FromResult(status.LastReloadOutcome == ReloadOutcome.Rejected
            ? HealthCheckResult.Degraded($"The last edit of the rules file was rejected with {status.LastReloadErrors.Count} error(s); rule set {status.Version} stays in force.", data: data)
            : HealthCheckResult.Healthy($"Rule set {status.Version} in force.", data: data));
    }
}
