using System.Net;

namespace LoginGuard.Ingestion;

/// <summary>An auth event that passed validation: every required field present and well formed.</summary>
internal sealed record AuthEvent(
    string EventId,
    AuthEventType Type,
    DateTimeOffset OccurredAt,
    string UserId,
    IPAddress Ip,
    string? UserAgent = null,
    string? DeviceId = null,
    string? Email = null,
    string? DisplayName = null,
    string? Locale = null,
    FailureReason? FailureReason = null,
    bool? MfaUsed = null,
    string? PreviousEmail = null)
{
    public bool IsSuccessfulLogin => Type == AuthEventType.LoginSucceeded;
}
