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

    /// <summary>
    /// A well-formed event dated outside the stream's present (<see cref="Pipeline.IEventTimeWindow"/>). Not in
    /// <see cref="All"/>, the parser's reasons: the pipeline gives it, once the event is known not to be a redelivery.
    /// </summary>
    public const string OutOfWindow = "out-of-window";

    public static IReadOnlyList<string> All { get; } =
    [
        TooLarge, InvalidJson, TooDeep, NotAnObject, DuplicateField, MissingField,
        InvalidField, UnknownType, InvalidIp, InvalidTimestamp,
    ];
}
