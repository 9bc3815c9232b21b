using Microsoft.Extensions.Logging;

namespace LoginGuard.Alerts.Outbox;

/// <summary>What the pipeline hands alerts to; the dispatcher sends them in the background.</summary>
internal sealed class AlertOutbox(IOutboxStore store, AlertMetrics metrics, ReviewLinks reviewLinks, ILogger<AlertOutbox> logger)
    : IAlertOutbox
{
    public async ValueTask<IReadOnlyList<Alert>> EnqueueAsync(IReadOnlyList<AddressedAlert> alerts, CancellationToken cancellationToken)
    {
        // A redelivery seals a new token, but the outbox keeps the first alert and so the first mail's link.
        var attached = alerts.Select(reviewLinks.Attach).ToList();

        // All sent before any is awaited: a remote store receives them in this order, so a learner's
        // throttle counts their alerts in order, at the cost of one round trip for the whole batch.
        var outcomes = await Task.WhenAll(attached.Select(addressed => store.EnqueueAsync(addressed, cancellationToken)));
        var mailed = new List<Alert>(alerts.Count);
        foreach (var ((alert, _), outcome) in attached.Zip(outcomes))
        {
            AlertLog.Enqueued(logger, alert.AlertId, alert.Kind, alert.Event.EventId, outcome);
            if (outcome == EnqueueOutcome.Queued)
            {
                metrics.Queued(alert.Kind);
            }
            else if (outcome == EnqueueOutcome.Suppressed)
            {
                metrics.Suppressed(alert.Kind);
                continue;
            }

            mailed.Add(alert);
        }

        return mailed;
    }
}
