using System.Net;

namespace LoginGuard.Contracts;

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

    /// <summary>
    /// A failed sign-in for a username the platform does not know: there is no learner to remember, only the
    /// address and network it came from (credential stuffing sends millions, each naming a different user).
    /// </summary>
    public bool NamesNoAccount => Type == AuthEventType.LoginFailed && FailureReason == Contracts.FailureReason.UnknownUser;
}
