using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Alerts;

/// <summary>
/// One round of sending: closes the new-device windows whose end has come on the wall clock (so a learner hears of
/// held sign-ins even when no later event of theirs arrives), claims what is due, delivers it, and records sent, retry-later with backoff, or failed.
/// Rounds never overlap, so the sender has one caller at a time.
/// </summary>
internal sealed class AlertDispatch(
    IOutboxStore store,
    AlertDelivery delivery,
    AlertMetrics metrics,
    IOptions<AlertOutboxOptions> outboxOptions,
    TimeProvider clock,
    ILogger<AlertDispatch> logger) : IDisposable
{
    private readonly SemaphoreSlim round = new(1, 1);
    private readonly AlertOutboxOptions options = outboxOptions.Value;

    /// <returns>How many alerts were claimed: 0 means nothing was due.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await round.WaitAsync(cancellationToken);
        try
        {
            await store.CloseWindowsAsync(clock.GetUtcNow(), cancellationToken);
            var claimed = await store.ClaimDueAsync(options.BatchSize, cancellationToken);
            for (var i = 0; i < claimed.Count; i++)
            {
                // A stopping worker stops between mails, never inside one; what it claimed and did not send waits for
                // its lease to run out and goes out from the next worker.
                cancellationToken.ThrowIfCancellationRequested();
                var result = await delivery.DeliverAsync(claimed[i].Alert, cancellationToken);
                if (result.Outcome == DeliveryOutcome.Transient)
                {
                    // The server is most likely down, and the rest of the round would fail the same way: all of it waits.
                    foreach (var waiting in claimed.Skip(i))
                    {
                        await DeferAsync(waiting, result, cancellationToken);
                    }

                    break;
                }

                // Recorded whatever the stop: a mail sent and not recorded as sent would be sent again.
                await RecordAsync(claimed[i], result, CancellationToken.None);
            }

            metrics.OldestQueuedAt = await store.OldestQueuedAtAsync(cancellationToken);
            return claimed.Count;
        }
        finally
        {
            round.Release();
        }
    }

    private async Task RecordAsync(ClaimedAlert claimed, DeliveryResult result, CancellationToken cancellationToken)
    {
        var alert = claimed.Alert;
        if (result.Outcome == DeliveryOutcome.Sent)
        {
            await store.MarkSentAsync(alert.AlertId, cancellationToken);
            metrics.Sent(alert.Kind);
            AlertLog.Sent(logger, alert.AlertId, alert.Kind, alert.Source.Event.EventId, claimed.Attempts);
            return;
        }

        await store.MarkFailedAsync(alert.AlertId, result.Reason, cancellationToken);
        metrics.Failed(alert.Kind);
        AlertLog.Failed(logger, alert.AlertId, alert.Kind, alert.Source.Event.EventId, result.Code);
    }

    private async Task DeferAsync(ClaimedAlert claimed, DeliveryResult result, CancellationToken cancellationToken)
    {
        var alert = claimed.Alert;
        var now = clock.GetUtcNow();
        if (now - claimed.QueuedAt >= options.GiveUpAfter)
        {
            await RecordAsync(claimed, result with { Outcome = DeliveryOutcome.Permanent, Code = "gave-up-" + result.Code }, cancellationToken);
            return;
        }

        var notBefore = now + Backoff(claimed.Attempts + 1);
        await store.RetryLaterAsync(alert.AlertId, notBefore, result.Reason, cancellationToken);
        metrics.Retried();
        AlertLog.Retrying(logger, alert.AlertId, alert.Kind, alert.Source.Event.EventId, result.Code, notBefore);
    }

    public void Dispose() => round.Dispose();

    private TimeSpan Backoff(int attempts)
    {
        var doubled = options.RetryBaseDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        return doubled < options.RetryMaxDelay ? doubled : options.RetryMaxDelay;
    }
}
