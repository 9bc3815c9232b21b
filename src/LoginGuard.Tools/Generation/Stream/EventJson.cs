using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LoginGuard.Contracts;

namespace LoginGuard.Tools.Generation.Stream;

/// <summary>Writes an event in the wire contract: camelCase, RFC 3339 UTC with milliseconds, absent rather than null.</summary>
internal static class EventJson
{
    // Relaxed escaping keeps "Zoë Müller" readable in the sample instead of "Zo\u00EB M\u00FCller".
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject ToNode(DraftEvent draft, string eventId)
    {
        var node = new JsonObject
        {
            ["eventId"] = eventId,
            ["type"] = draft.Type.ToWireName(),
            ["occurredAt"] = Timestamp(draft.OccurredAt),
            ["userId"] = draft.UserId,
            ["ip"] = draft.Actor.Ip.ToString(),
        };
        AddIfPresent(node, "userAgent", draft.Actor.UserAgent);
        AddIfPresent(node, "deviceId", draft.Actor.DeviceId);
        AddIfPresent(node, "email", draft.Email);
        AddIfPresent(node, "previousEmail", draft.PreviousEmail);
        AddIfPresent(node, "displayName", draft.DisplayName);
        AddIfPresent(node, "locale", draft.Actor.Locale);
        AddIfPresent(node, "failureReason", draft.FailureReason?.ToWireName());
        if (draft.MfaUsed is { } mfaUsed)
        {
            node["mfaUsed"] = mfaUsed;
        }

        return node;
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void AddIfPresent(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }
}
