using LoginGuard.Alerts.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Alerts.Delivery;

/// <summary>
/// Mail when the outbox lives in this process (the embedded replay): queued alerts die with the process, so each
/// batch's mail is sent before the pipeline moves on, and the pickup folder holds every mail by the time the replay
/// prints its summary; when the host stops, every throttle window is closed and whatever is still due goes out.
/// </summary>
internal static class InProcessMail
{
    public static IServiceCollection AddInProcessMail(this IServiceCollection services) => services
        .AddSingleton<IAlertOutbox, SendingOutbox>()
        .AddHostedService<SendOwedMailOnStop>();

    private sealed class SendingOutbox(AlertOutbox outbox, AlertDispatch dispatch) : IAlertOutbox
    {
        public async ValueTask<IReadOnlyList<Alert>> EnqueueAsync(IReadOnlyList<AddressedAlert> alerts, CancellationToken cancellationToken)
        {
            var mailed = await outbox.EnqueueAsync(alerts, cancellationToken);
            if (alerts.Count > 0)
            {
                await dispatch.DispatchDueAsync(cancellationToken);
            }

            return mailed;
        }
    }

    /// <summary>
    /// Once every hosted service has stopped, so the dispatcher holds no claim it was cut off in; unless the host's
    /// shutdown deadline has already passed: then it is said, not thrown.
    /// </summary>
    private sealed class SendOwedMailOnStop(IOutboxStore store, AlertDispatch dispatch, ILogger<SendOwedMailOnStop> logger) : IHostedLifecycleService
    {
        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StoppedAsync(CancellationToken cancellationToken)
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
}
