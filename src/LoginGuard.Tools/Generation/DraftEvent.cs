using LoginGuard.Contracts;

namespace LoginGuard.Tools.Generation;

/// <summary>An event before it is placed in the stream and given its eventId.</summary>
internal sealed record DraftEvent(
    DateTimeOffset OccurredAt,
    AuthEventType Type,
    string UserId,
    Actor Actor,
    string? Email,
    string? DisplayName,
    FailureReason? FailureReason,
    bool? MfaUsed,
    Label Label,
    string? PreviousEmail = null);
