namespace LoginGuard.Ingestion;

/// <summary>
/// Why a message is not an event. <see cref="Reason"/> is a stable machine-readable code (see
/// <see cref="RejectionReasons"/>); <see cref="Detail"/> is for the engineer who fixes the producer.
/// </summary>
internal sealed record Rejection(string Reason, string Detail, string? Field = null);

/// <summary>The dead-letter reason codes; documented in docs/events.md, so never rename one.</summary>
internal static class RejectionReasons
{
    public const string TooLarge = "too-large";
    public const string InvalidJson = "invalid-json";
    public const string TooDeep = "too-deep";
    public const string NotAnObject = "not-an-object";
    public const string DuplicateField = "duplicate-field";
    public const string MissingField = "missing-field";
    public const string InvalidField = "invalid-field";
    public const string UnknownType = "unknown-type";
    public const string InvalidIp = "invalid-ip";
    public const string InvalidTimestamp = "invalid-timestamp";

    public static IReadOnlyList<string> All { get; } =
    [
        TooLarge, InvalidJson, TooDeep, NotAnObject, DuplicateField, MissingField,
        InvalidField, UnknownType, InvalidIp, InvalidTimestamp,
    ];
}
