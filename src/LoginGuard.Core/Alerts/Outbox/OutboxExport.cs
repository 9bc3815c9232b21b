using System.Text.Json.Nodes;

namespace LoginGuard.Alerts.Outbox;

/// <summary>
/// The outbox's section of a learner's export: each mail as the outbox records it, field by field as Redis keeps
/// them, the payload (the address and name it was for, while queued or failed) as JSON; the same from either store.
/// </summary>
internal static class OutboxExport
{
    public static JsonObject Of(IEnumerable<(string AlertId, IEnumerable<KeyValuePair<string, string?>> Fields)> mails) => new()
    {
        ["mails"] = new JsonArray([.. mails.Select(mail => Mail(mail.AlertId, mail.Fields))]),
    };

    private static JsonNode Mail(string alertId, IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var mail = new JsonObject { ["alertId"] = alertId };
        foreach (var (name, value) in fields)
        {
            mail[name] = name == "payload" && value is not null ? JsonNode.Parse(value) : value;
        }

        return mail;
    }
}
