using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LoginGuard.Contracts;

/// <summary>
/// The decision's wire form (docs/events.md), written and read by hand to keep the contract's names exact. The form
/// kept in Redis (<see cref="SerializeStored"/>) leaves the userId out: it is filed under the learner's keyed hash,
/// and whoever reads it back knows whose it is (the event being decided, the account asked about) or does not need to.
/// </summary>
internal static class DecisionJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Every decision is written twice (the topic, the store) at thousands a second: a buffer grown from 512 bytes and a
    // writer per call were 7.6% of the bytes the worker allocated in bench pipeline. Kept per thread, as writing is synchronous.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? reusedBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? reusedWriter;

    public static byte[] Serialize(Decision decision)
    {
        var buffer = reusedBuffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = reusedWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        Write(writer, decision);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The decision as state keeps it: everything but the raw userId, which <see cref="Deserialize"/> then reads as "".</summary>
    public static byte[] SerializeStored(Decision decision) => Serialize(decision with { UserId = "" });

    public static void Write(Utf8JsonWriter writer, Decision decision)
    {
        writer.WriteStartObject();
        writer.WriteString("eventId", decision.EventId);
        if (decision.UserId.Length > 0)
        {
            writer.WriteString("userId", decision.UserId);
        }

        writer.WriteString("type", decision.Type.ToWireName());
        writer.WriteString("occurredAt", decision.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        WriteScore(writer, "riskScore", decision.RiskScore);
        writer.WriteString("riskLevel", decision.RiskLevel.ToWireName());
        writer.WriteStartArray("reasons");
        foreach (var reason in decision.Reasons)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", reason.Rule);
            WriteScore(writer, "score", reason.Score);
            writer.WriteString("detail", reason.Detail);
            if (reason.Simulated)
            {
                writer.WriteBoolean("simulated", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("alerts");
        foreach (var alert in decision.Alerts)
        {
            writer.WriteStringValue(alert.ToWireName());
        }

        writer.WriteEndArray();
        writer.WriteString("ruleSetVersion", decision.RuleSetVersion);
        if (decision.Context is { } context)
        {
            WriteContext(writer, context);
        }

        if (decision.Duplicate)
        {
            writer.WriteBoolean("duplicate", true);
        }

        writer.WriteEndObject();
    }

    private static void WriteContext(Utf8JsonWriter writer, DecisionContext context)
    {
        writer.WriteStartObject("context");
        writer.WriteString("device", context.Device);
        WriteIfPresent(writer, "country", context.Country);
        WriteIfPresent(writer, "city", context.City);
        if (context.Asn is { } asn)
        {
            writer.WriteNumber("asn", asn);
        }

        WriteIfPresent(writer, "network", context.Network);
        writer.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static DecisionContext? ReadContext(JsonElement root)
    {
        if (!root.TryGetProperty("context", out var context))
        {
            return null;
        }

        return new DecisionContext(
            context.GetProperty("device").GetString()!,
            context.TryGetProperty("country", out var country) ? country.GetString() : null,
            context.TryGetProperty("city", out var city) ? city.GetString() : null,
            context.TryGetProperty("asn", out var asn) ? asn.GetInt64() : null,
            context.TryGetProperty("network", out var network) ? network.GetString() : null);
    }

    public static Decision Deserialize(ReadOnlySpan<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8.ToArray());
        var root = document.RootElement;
        var reasons = root.GetProperty("reasons").EnumerateArray()
            .Select(r => new RiskReason(
                r.GetProperty("rule").GetString()!,
                r.GetProperty("score").GetDouble(),
                r.GetProperty("detail").GetString()!,
                r.TryGetProperty("simulated", out var simulated) && simulated.GetBoolean()))
            .ToList();
        var alerts = root.GetProperty("alerts").EnumerateArray()
            .Select(a => AlertKinds.FromWireName(a.GetString()!))
            .ToList();
        return new Decision(
            root.GetProperty("eventId").GetString()!,
            root.TryGetProperty("userId", out var userId) ? userId.GetString()! : "",
            AuthEventTypes.FromWireName(root.GetProperty("type").GetString()!),
            DateTimeOffset.Parse(root.GetProperty("occurredAt").GetString()!, CultureInfo.InvariantCulture),
            root.GetProperty("riskScore").GetDouble(),
            RiskLevels.FromWireName(root.GetProperty("riskLevel").GetString()!),
            reasons,
            alerts,
            root.GetProperty("ruleSetVersion").GetString()!,
            root.TryGetProperty("duplicate", out var duplicate) && duplicate.GetBoolean())
        {
            Context = ReadContext(root),
        };
    }

    /// <summary>
    /// Scores keep six decimal places; as a double the smallest print as "1E-06", which people reading a
    /// decision misread. A decimal prints "0.000001", the same number to every JSON reader.
    /// </summary>
    public static void WriteScore(Utf8JsonWriter writer, string name, double score) => writer.WriteNumber(name, Math.Round((decimal)score, 6));
}
