using System.Security.Cryptography;
using System.Text;
using LoginGuard.Enrichment;

namespace LoginGuard.Alerts;

/// <summary>
/// One mail owed to a learner. The id is derived from (eventId, kind), so however often an event is
/// redelivered, the same alert — and the same SMTP Message-Id — comes out of it.
/// </summary>
internal sealed record Alert(string AlertId, AlertKind Kind, EnrichedEvent Source, string Recipient)
{
    public static Alert For(EnrichedEvent source, AlertKind kind, string recipient) =>
        new(IdFor(source.Event.EventId, kind), kind, source, recipient);

    public static string IdFor(string eventId, AlertKind kind)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind.ToWireName()}\n{eventId}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
