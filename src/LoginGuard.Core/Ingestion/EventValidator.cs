using LoginGuard.Contracts;

namespace LoginGuard.Ingestion;

/// <summary>Checks the formats of the fields a message carried and builds the event.</summary>
internal static class EventValidator
{
    public static ParseResult Validate(in WireFields fields)
    {
        if (CheckId(fields.EventId, "eventId") is { } badEventId)
        {
            return new ParseResult(null, badEventId);
        }

        if (fields.Type is null)
        {
            return Missing("type");
        }

        if (!AuthEventTypes.TryParse(fields.Type, out var type))
        {
            return ParseResult.Reject(RejectionReasons.UnknownType, $"type '{Quote(fields.Type)}' is not one of {string.Join(", ", AuthEventTypes.AllWireNames)}", "type");
        }

        if (fields.OccurredAt is null)
        {
            return Missing("occurredAt");
        }

        if (!WireFormats.TryParseTimestamp(fields.OccurredAt, out var occurredAt))
        {
            return ParseResult.Reject(RejectionReasons.InvalidTimestamp, $"occurredAt '{Quote(fields.OccurredAt)}' is not an RFC 3339 timestamp with an offset", "occurredAt");
        }

        if (CheckId(fields.UserId, "userId") is { } badUserId)
        {
            return new ParseResult(null, badUserId);
        }

        if (fields.Ip is null)
        {
            return Missing("ip");
        }

        if (!WireFormats.TryParseIp(fields.Ip, out var ip))
        {
            return ParseResult.Reject(RejectionReasons.InvalidIp, $"ip '{Quote(fields.Ip)}' is not an IPv4 or IPv6 address", "ip");
        }

        if (fields.Locale is not null && !WireFormats.IsLanguageTag(fields.Locale))
        {
            return ParseResult.Reject(RejectionReasons.InvalidField, $"locale '{Quote(fields.Locale)}' is not a BCP 47 language tag", "locale");
        }

        foreach (var (field, value, max) in new[] { ("email", fields.Email, FieldLimits.Email), ("previousEmail", fields.PreviousEmail, FieldLimits.Email), ("displayName", fields.DisplayName, FieldLimits.DisplayName) })
        {
            if (value is not null && value.Length > max)
            {
                return ParseResult.Reject(RejectionReasons.InvalidField, $"{field} is {value.Length} characters; the limit is {max}", field);
            }
        }

        FailureReason? failureReason = null;
        if (fields.FailureReason is not null)
        {
            if (!FailureReasons.TryParse(fields.FailureReason, out var parsed))
            {
                return ParseResult.Reject(RejectionReasons.InvalidField, $"failureReason '{Quote(fields.FailureReason)}' is not one of {string.Join(", ", FailureReasons.AllWireNames)}", "failureReason");
            }

            failureReason = parsed;
        }

        return ParseResult.Accept(new AuthEvent(
            fields.EventId!, type, occurredAt, fields.UserId!, ip,
            FieldLimits.Cut(Blank(fields.UserAgent), FieldLimits.UserAgent), FieldLimits.Cut(Blank(fields.DeviceId), FieldLimits.DeviceId), Blank(fields.Email), Blank(fields.DisplayName),
            fields.Locale, failureReason, fields.MfaUsed, Blank(fields.PreviousEmail)));
    }

    private static Rejection? CheckId(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new Rejection(RejectionReasons.MissingField, $"required field '{field}' is missing or empty", field);
        }

        if (value.Length > EventParser.MaxIdLength)
        {
            return new Rejection(RejectionReasons.InvalidField, $"{field} is {value.Length} characters; the limit is {EventParser.MaxIdLength}", field);
        }

        // Ids travel into mail headers and state keys; a line break there is an injection.
        return WireFormats.HasControlCharacters(value)
            ? new Rejection(RejectionReasons.InvalidField, $"{field} contains control characters", field)
            : null;
    }

    private static ParseResult Missing(string field) =>
        ParseResult.Reject(RejectionReasons.MissingField, $"required field '{field}' is missing", field);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Quote(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
