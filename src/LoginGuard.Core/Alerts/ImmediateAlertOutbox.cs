namespace LoginGuard.Alerts;

/// <summary>
/// Builds and hands each alert to the sender at once. Fit for the embedded replay, whose pickup folder
/// is local and cannot be down; a sender that can be down needs an outbox that waits.
/// </summary>
internal sealed class ImmediateAlertOutbox(AlertMessageBuilder builder, IAlertSender sender) : IAlertOutbox
{
    public async ValueTask EnqueueAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        foreach (var alert in alerts)
        {
            await sender.SendAsync(alert, builder.Build(alert), cancellationToken);
        }
    }
}
