namespace LoginGuard.Alerts;

/// <summary>
/// Where alerts wait to be sent. Enqueueing the same alert id twice queues one mail: events are
/// redelivered, mails must not be.
/// </summary>
internal interface IAlertOutbox
{
    ValueTask EnqueueAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken);
}
