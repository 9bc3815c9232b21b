using MailKit.Net.Smtp;

namespace LoginGuard.Alerts.Delivery;

internal enum DeliveryOutcome
{
    Sent,

    /// <summary>Worth trying again later: the server is down, busy, or answered 4xx.</summary>
    Transient,

    /// <summary>Will never succeed as it is: the server refused the recipient or the message with 5xx, or the address is invalid.</summary>
    Permanent,
}

/// <param name="Code">Short and free of personal data, so it can be logged: "smtp-550-recipient-not-accepted", "SocketException".</param>
/// <param name="Detail">What the server or the parser said; may quote the address, so it is stored with the alert, never logged.</param>
internal sealed record DeliveryResult(DeliveryOutcome Outcome, string Code, string Detail)
{
    public static DeliveryResult Sent { get; } = new(DeliveryOutcome.Sent, "sent", "");

    public string Reason => $"{Code}: {Detail}";

    public static bool IsTransient(Exception exception) => Classify(exception).Outcome == DeliveryOutcome.Transient;

    public static DeliveryResult Classify(Exception exception) => exception switch
    {
        // Only what concerns this one mail is permanent. A 5xx to MAIL FROM or AUTH is the relay's configuration
        // and would refuse every mail alike: those wait for an operator rather than dead-letter everything.
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } command
            when (int)command.StatusCode >= 500 =>
            new(DeliveryOutcome.Permanent, CodeOf(command), command.Message),
        SmtpCommandException command => new(DeliveryOutcome.Transient, CodeOf(command), command.Message),
        _ => new(DeliveryOutcome.Transient, exception.GetType().Name, exception.Message),
    };

    private static string CodeOf(SmtpCommandException command) => command.ErrorCode switch
    {
        SmtpErrorCode.RecipientNotAccepted => $"smtp-{(int)command.StatusCode}-recipient-not-accepted",
        SmtpErrorCode.MessageNotAccepted => $"smtp-{(int)command.StatusCode}-message-not-accepted",
        SmtpErrorCode.SenderNotAccepted => $"smtp-{(int)command.StatusCode}-sender-not-accepted",
        _ => $"smtp-{(int)command.StatusCode}",
    };
}
