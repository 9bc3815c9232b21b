using System.Text.Json.Serialization;
using LoginGuard.Contracts;

namespace LoginGuard.Feedback;

/// <summary>What a sealed token says: whose account, which event and device, which mail, until when it may be answered.</summary>
internal sealed record FeedbackClaim(
    string UserId, string EventId, AuthEventType Type, DateTimeOffset OccurredAt, string DeviceId, string AlertId, DateTimeOffset ExpiresAt);

[JsonSerializable(typeof(FeedbackClaim))]
internal sealed partial class FeedbackClaimJson : JsonSerializerContext;
