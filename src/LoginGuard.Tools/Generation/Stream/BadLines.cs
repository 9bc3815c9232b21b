using System.Text.Json.Nodes;

namespace LoginGuard.Tools.Generation.Stream;

/// <summary>
/// Breaks a real event in one way at a time, so every rejection the consumer makes has a line that
/// triggers exactly that reason and nothing else.
/// </summary>
internal static class BadLines
{
    public const int SizeLimitBytes = 64 * 1024;
    public const int DepthLimit = 16;
    public const int EventIdLimit = 128;

    public static string Create(BadLineKind kind, JsonObject valid, Random random)
    {
        switch (kind)
        {
            case BadLineKind.InvalidJson:
                var text = EventJson.Serialize(valid);
                return text[..(text.Length / 2)];
            case BadLineKind.MissingEventId:
                valid.Remove("eventId");
                break;
            case BadLineKind.MissingUserId:
                valid.Remove("userId");
                break;
            case BadLineKind.UnknownType:
                valid["type"] = Pick(random, "login.maybe", "session.refreshed", "LOGIN.SUCCEEDED");
                break;
            case BadLineKind.BadIp:
                valid["ip"] = Pick(random, "999.12.0.1", "localhost", "2a01:cb00::zz");
                break;
            case BadLineKind.BadTimestamp:
                valid["occurredAt"] = Pick(random, "2026-02-30T08:15:02Z", "01/10/2026 08:15:02", "yesterday");
                break;
            case BadLineKind.OverSizeLimit:
                valid["userAgent"] = "Mozilla/5.0 " + new string('A', SizeLimitBytes + 4096);
                break;
            case BadLineKind.NestedTooDeep:
                valid["context"] = Nested(DepthLimit + 4);
                break;
            case BadLineKind.EventIdTooLong:
                valid["eventId"] = "evt_" + new string('9', EventIdLimit * 2);
                break;
            case BadLineKind.ArrayInsteadOfObject:
                return EventJson.Serialize(new JsonArray(valid));
        }

        return EventJson.Serialize(valid);
    }

    private static JsonObject Nested(int depth)
    {
        var node = new JsonObject { ["level"] = depth };
        for (var level = depth - 1; level > 0; level--)
        {
            node = new JsonObject { ["level"] = level, ["inner"] = node };
        }

        return node;
    }

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];
}
