using LoginGuard.Alerts;
using LoginGuard.Alerts.Delivery;
using LoginGuard.Contracts;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LoginGuard.Alerts.Content;

/// <summary>Turns an alert into the mail a learner receives: localized, specific, with one plain link.</summary>
internal sealed class AlertMessageBuilder
{
    public const string AlertHeader = "X-LoginGuard-Alert";
    public const string EventIdHeader = "X-LoginGuard-Event-Id";

    private readonly AlertMailOptions options;
    private readonly string fromName;
    private readonly string fromAddress;

    public AlertMessageBuilder(IOptions<AlertMailOptions> mailOptions, IOptions<SmtpOptions> smtpOptions)
    {
        options = mailOptions.Value;
        var parsed = MailboxAddress.Parse(smtpOptions.Value.From);
        fromName = SafeText.Clean(parsed.Name);
        fromAddress = parsed.Address;
    }

    public MimeMessage Build(Alert alert)
    {
        AlertIds.ThrowIfMalformed(alert.AlertId);
        var content = AlertContent.For(alert, options);
        var message = new MimeMessage
        {
            // Derived from the alert id, so a redelivered event yields a mail that receivers can de-duplicate.
            MessageId = $"{alert.AlertId}@{options.MessageIdDomain}",
            Date = alert.Event.OccurredAt,
            Subject = content.Subject,
            Body = new BodyBuilder
            {
                TextBody = AlertTextBody.Render(content),
                HtmlBody = AlertHtmlBody.Render(content),
            }.ToMessageBody(),
        };
        // A new address per mail: MimeKit's address list subscribes to its addresses' changes, so one shared
        // address would keep every mail ever built alive (the worker ran out of memory at 1 M learners).
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        message.To.Add(new MailboxAddress(
            DisplayNames.ForMail(alert.Event.DisplayName),
            SafeText.Clean(alert.Recipient, SafeText.MaxAddressLength)));
        message.Headers.Add(AlertHeader, alert.Kind.ToWireName());

        // One per sign-in the mail tells, so a mail system can tell exactly which events a learner was told of.
        foreach (var told in alert.Summarizes ?? [alert])
        {
            message.Headers.Add(EventIdHeader, SafeText.Clean(told.Event.EventId, SafeText.MaxAddressLength));
        }

        // RFC 3834: tells vacation responders and ticket systems not to answer a machine.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        // Encoded for 7-bit transport here, so a pickup file is valid for any MTA, not only 8BITMIME ones.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }
}
