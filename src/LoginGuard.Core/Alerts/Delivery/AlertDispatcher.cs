using LoginGuard.Alerts.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Alerts.Delivery;

/// <summary>
/// Sends what the outbox holds, round after round, and waits a poll interval when nothing is due. An outage of
/// Redis or of the mail server never stops it: it logs, waits and tries again.
/// </summary>
internal sealed class AlertDispatcher(
    AlertDispatch dispatch,
    IOptions<AlertOutboxOptions> options,
    TimeProvider clock,
    ILogger<AlertDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await dispatch.DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                AlertLog.DispatchFailed(logger, e, poll);
            }

            if (claimed == 0)
            {
                try
                {
                    await Task.Delay(poll, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
