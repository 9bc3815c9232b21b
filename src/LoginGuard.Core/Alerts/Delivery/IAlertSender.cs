using MimeKit;

namespace LoginGuard.Alerts.Delivery;

/// <summary>
/// Delivers a built alert mail. Delivery is at-least-once upstream, so an implementation must treat a second
/// call for the same <see cref="Alert.AlertId"/> as already done rather than send the mail again.
/// </summary>
internal interface IAlertSender
{
    Task SendAsync(Alert alert, MimeMessage message, CancellationToken cancellationToken);
}
