using System.Text.Json;

namespace LoginGuard.Ingestion;

/// <summary>The contract's fields as they arrived, before their formats are checked.</summary>
internal struct WireFields
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "eventId", "type", "occurredAt", "userId", "ip", "userAgent", "deviceId", "email",
        "displayName", "locale", "failureReason", "mfaUsed", "previousEmail",
    };

    private HashSet<string>? seen;

    public string? EventId { get; private set; }
    public string? Type { get; private set; }
    public string? OccurredAt { get; private set; }
    public string? UserId { get; private set; }
    public string? Ip { get; private set; }
    public string? UserAgent { get; private set; }
    public string? DeviceId { get; private set; }
    public string? Email { get; private set; }
    public string? DisplayName { get; private set; }
    public string? Locale { get; private set; }
    public string? FailureReason { get; private set; }
    public bool? MfaUsed { get; private set; }
    public string? PreviousEmail { get; private set; }

    public static IReadOnlyCollection<string> Names => Known;

    public readonly bool IsKnown(string name) => Known.Contains(name);

    /// <summary>Reads the value under the reader, which stands on a known field's value token.</summary>
    public Rejection? Read(string name, ref Utf8JsonReader reader)
    {
        seen ??= new HashSet<string>(StringComparer.Ordinal);
        if (!seen.Add(name))
        {
            // Two parsers that pick different copies of a field are a classic way past a security check.
            return new Rejection(RejectionReasons.DuplicateField, $"field '{name}' appears more than once", name);
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (name == "mfaUsed")
        {
            if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
            {
                return new Rejection(RejectionReasons.InvalidField, $"field 'mfaUsed' must be true or false, not a {reader.TokenType}", name);
            }

            MfaUsed = reader.GetBoolean();
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return new Rejection(RejectionReasons.InvalidField, $"field '{name}' must be a string, not a {reader.TokenType}", name);
        }

        Assign(name, reader.GetString()!);
        return null;
    }

    private void Assign(string name, string value)
    {
        switch (name)
        {
            case "eventId": EventId = value; break;
            case "type": Type = value; break;
            case "occurredAt": OccurredAt = value; break;
            case "userId": UserId = value; break;
            case "ip": Ip = value; break;
            case "userAgent": UserAgent = value; break;
            case "deviceId": DeviceId = value; break;
            case "email": Email = value; break;
            case "displayName": DisplayName = value; break;
            case "locale": Locale = value; break;
            case "failureReason": FailureReason = value; break;
            case "previousEmail": PreviousEmail = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "not a contract field");
        }
    }
}
