using System.Security.Cryptography;
using System.Text;
using LoginGuard.Enrichment;

namespace LoginGuard.Alerts;

/// <summary>
/// One mail owed to a learner. The id is derived from (eventId, kind) — and the recipient when the mail is a
/// copy to another address than the event's — so however often an event is redelivered, the same alerts, and
/// the same SMTP Message-Ids, come out of it.
/// </summary>
internal sealed record Alert(string AlertId, AlertKind Kind, EnrichedEvent Source, string Recipient)
{
    /// <summary>New-device sign-ins held back by the throttle before this one, told in this mail; null when none were.</summary>
    public SuppressedSignIns? Suppressed { get; init; }

    /// <summary>The "was this you?" page with this mail's sealed token, when feedback is on: then the mail's one link.</summary>
    public string? ReviewUrl { get; init; }

    public static Alert For(EnrichedEvent source, AlertKind kind, string recipient)
    {
        var isCopy = !string.Equals(recipient.Trim(), source.Event.Email?.Trim(), StringComparison.OrdinalIgnoreCase);
        return new(IdFor(source.Event.EventId, kind, isCopy ? recipient : null), kind, source, recipient);
    }

    /// <param name="copyRecipient">Set only for a copy to another address (the old one on an email change), so the copy gets its own id.</param>
    public static string IdFor(string eventId, AlertKind kind, string? copyRecipient = null)
    {
        var input = copyRecipient is null
            ? $"{kind.ToWireName()}\n{eventId}"
            : $"{kind.ToWireName()}\n{eventId}\n{copyRecipient.Trim().ToLowerInvariant()}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
