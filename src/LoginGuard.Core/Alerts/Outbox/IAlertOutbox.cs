namespace LoginGuard.Alerts.Outbox;

/// <summary>
/// Where alerts wait to be sent. Enqueueing the same alert id twice queues one mail: events are
/// redelivered, mails must not be.
/// </summary>
internal interface IAlertOutbox
{
    /// <returns>The alerts that will be mailed: all but those the new-device throttle held back.</returns>
    ValueTask<IReadOnlyList<Alert>> EnqueueAsync(IReadOnlyList<AddressedAlert> alerts, CancellationToken cancellationToken);
}
