using System.Net.Sockets;
using LoginGuard.Alerts.Delivery;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LoginGuard.Worker.Api;

/// <summary>
/// Degraded, not unhealthy, while the mail relay cannot be reached: events are still decided and alerts wait in
/// the outbox until it is back. With no relay configured, mail goes to the pickup folder, which must exist.
/// </summary>
internal sealed class SmtpHealthCheck(IOptions<SmtpOptions> options) : IHealthCheck
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return Directory.Exists(smtp.PickupDirectory)
                ? HealthCheckResult.Healthy("Mail is written to the pickup folder.")
                : HealthCheckResult.Degraded("The pickup folder does not exist; alerts wait in the outbox.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(smtp.Host, smtp.Port, timeout.Token);
            return HealthCheckResult.Healthy("The mail relay accepts connections.");
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Degraded("The mail relay cannot be reached; alerts wait in the outbox.", e);
        }
    }
}
