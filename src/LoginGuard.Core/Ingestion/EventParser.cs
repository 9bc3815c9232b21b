using System.Text;
using System.Text.Json;
using LoginGuard.Contracts;

namespace LoginGuard.Ingestion;

/// <summary>
/// Turns one wire message into a validated <see cref="AuthEvent"/> or a <see cref="Rejection"/>.
/// One forward pass over the UTF-8 bytes with no document object: this runs for every event.
/// </summary>
internal static class EventParser
{
    public const int MaxMessageBytes = 64 * 1024;
    public const int MaxDepth = 16;
    public const int MaxIdLength = 128;

    public static ParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxMessageBytes)
        {
            return ParseResult.Reject(RejectionReasons.TooLarge, $"message is {utf8.Length} bytes; the limit is {MaxMessageBytes}");
        }

        var fields = new WireFields();
        try
        {
            var rejection = ReadObject(utf8, ref fields);
            if (rejection is not null)
            {
                return new ParseResult(null, rejection);
            }
        }
        catch (JsonException e)
        {
            return ParseResult.Reject(RejectionReasons.InvalidJson, FirstLine(e.Message));
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader reports malformed UTF-8 inside a string this way.
            return ParseResult.Reject(RejectionReasons.InvalidJson, FirstLine(e.Message));
        }

        return EventValidator.Validate(fields);
    }

    public static ParseResult Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    private static Rejection? ReadObject(ReadOnlySpan<byte> utf8, ref WireFields fields)
    {
        // One level more than allowed so that this code, not the reader, reports the depth.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        if (!reader.Read())
        {
            return new Rejection(RejectionReasons.InvalidJson, "message is empty");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return new Rejection(RejectionReasons.NotAnObject, $"message is a JSON {reader.TokenType}, not an object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (fields.IsKnown(name))
            {
                var rejection = fields.Read(name, ref reader);
                if (rejection is not null)
                {
                    return rejection;
                }
            }
            else if (SkipValue(ref reader) is { } tooDeep)
            {
                return tooDeep;
            }
        }

        // Reading past the closing brace makes the reader reject trailing content.
        reader.Read();
        return null;
    }

    private static Rejection? SkipValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return null;
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
            {
                return new Rejection(RejectionReasons.TooDeep, $"JSON is nested deeper than {MaxDepth} levels");
            }
        }

        return null;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end].TrimEnd();
    }
}
