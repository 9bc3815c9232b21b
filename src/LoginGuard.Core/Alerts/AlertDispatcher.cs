using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Alerts;

/// <summary>
/// Sends what the outbox holds, round after round, and waits a poll interval when nothing is due. An outage of
/// Redis or of the mail server never stops it: it logs, waits and tries again.
/// </summary>
internal sealed class AlertDispatcher(
    AlertDispatch dispatch,
    IOutboxStore store,
    IOptions<AlertOutboxOptions> options,
    TimeProvider clock,
    ILogger<AlertDispatcher> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // An in-process queue dies with the process: whatever is due goes out now, before the host is gone,
        // unless the host's shutdown deadline has already passed; then it is said, not thrown. Its throttle windows
        // die with it too, so each is closed now (the end of a replay's stream): nothing held stays owed.
        if (!store.IsDurable)
        {
            try
            {
                await store.CloseWindowsAsync(DateTimeOffset.MaxValue, cancellationToken);
                while (await dispatch.DispatchDueAsync(cancellationToken) > 0)
                {
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }

            if (await store.OldestQueuedAtAsync(CancellationToken.None) is not null)
            {
                AlertLog.LeftQueued(logger);
            }
        }
    }

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
