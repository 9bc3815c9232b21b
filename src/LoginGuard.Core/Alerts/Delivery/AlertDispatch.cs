using LoginGuard.Alerts.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Alerts.Delivery;

/// <summary>
/// One round of sending: closes the new-device windows whose end has come on the wall clock (so a learner hears of
/// held sign-ins even when no later event of theirs arrives), claims what is due, delivers it, and records sent, retry-later with backoff, or failed.
/// Rounds never overlap, so the sender has one caller at a time.
/// </summary>
/// <remarks>
/// A round claims a batch under one lease but sends it one mail at a time, and a slow relay can outlast the lease:
/// another worker then claims the rest. So each mail's claim is renewed, fenced by its token, just before it is
/// sent (a claim taken over is not sent here) and again every third of a lease while the relay answers; a
/// superseded claim can still record a mail it sent, but cannot put off or fail one another worker holds.
/// </remarks>
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
                if (!await store.RenewAsync(claimed[i], cancellationToken))
                {
                    AlertLog.ClaimLost(logger, claimed[i].Alert.AlertId, claimed[i].Alert.Kind, claimed[i].Alert.Event.EventId);
                    continue;
                }

                var result = await DeliverHoldingClaimAsync(claimed[i], cancellationToken);
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
            if (await MarkSentWithinLeaseAsync(claimed, cancellationToken) == ClaimStanding.Superseded)
            {
                AlertLog.SentUnderLostClaim(logger, alert.AlertId, alert.Kind, alert.Event.EventId);
            }

            metrics.Sent(alert.Kind);
            AlertLog.Sent(logger, alert.AlertId, alert.Kind, alert.Event.EventId, claimed.Attempts);
            return;
        }

        if (await store.MarkFailedAsync(claimed, result.Reason, cancellationToken) != ClaimStanding.Current)
        {
            AlertLog.ClaimLost(logger, alert.AlertId, alert.Kind, alert.Event.EventId);
            return;
        }

        metrics.Failed(alert.Kind);
        AlertLog.Failed(logger, alert.AlertId, alert.Kind, alert.Event.EventId, result.Code);
    }

    /// <summary>
    /// The mail is out: recording that is retried through a passing Redis outage (a failover takes seconds) for as long
    /// as the claim's lease lasts, since an unrecorded mail is sent again once the lease runs out.
    /// </summary>
    private async Task<ClaimStanding> MarkSentWithinLeaseAsync(ClaimedAlert claimed, CancellationToken cancellationToken)
    {
        var giveUpAt = clock.GetUtcNow() + options.Lease;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await store.MarkSentAsync(claimed, cancellationToken);
            }
            catch (Exception e) when (clock.GetUtcNow() + delay < giveUpAt && e is not OperationCanceledException)
            {
                AlertLog.SentNotRecorded(logger, e, claimed.Alert.AlertId, claimed.Alert.Kind);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
            }
        }
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
        if (await store.RetryLaterAsync(claimed, notBefore, result.Reason, cancellationToken) != ClaimStanding.Current)
        {
            return;
        }

        metrics.Retried();
        AlertLog.Retrying(logger, alert.AlertId, alert.Kind, alert.Event.EventId, result.Code, notBefore);
    }

    /// <summary>Delivers one mail while a companion keeps its claim's lease from running out under a slow relay.</summary>
    private async Task<DeliveryResult> DeliverHoldingClaimAsync(ClaimedAlert claimed, CancellationToken cancellationToken)
    {
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewWhileSendingAsync(claimed, sending.Token);
        try
        {
            return await delivery.DeliverAsync(claimed.Alert, cancellationToken);
        }
        finally
        {
            await sending.CancelAsync();
            await renewing;
        }
    }

    private async Task RenewWhileSendingAsync(ClaimedAlert claimed, CancellationToken sending)
    {
        try
        {
            do
            {
                await Task.Delay(options.Lease / 3, clock, sending);
            }
            while (await store.RenewAsync(claimed, sending));
        }
        catch (OperationCanceledException) when (sending.IsCancellationRequested)
        {
            // The send ended: the claim is recorded as sent, retried or failed next.
        }
        catch (Exception)
        {
            // The store is out of reach: the lease runs its course, and the send goes on regardless; the claim's
            // fencing still keeps a superseded worker from putting off or failing the mail.
        }
    }

    public void Dispose() => round.Dispose();

    private TimeSpan Backoff(int attempts)
    {
        var doubled = options.RetryBaseDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        return doubled < options.RetryMaxDelay ? doubled : options.RetryMaxDelay;
    }
}
