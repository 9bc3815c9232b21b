namespace LoginGuard.Tools.Generation.Stream;

/// <summary>The ways a line can break the event contract; the consumer must dead-letter every one.</summary>
internal enum BadLineKind
{
    InvalidJson,
    MissingEventId,
    MissingUserId,
    UnknownType,
    BadIp,
    BadTimestamp,
    OverSizeLimit,
    NestedTooDeep,
    EventIdTooLong,
    ArrayInsteadOfObject,
}
