namespace LoginGuard.Alerts;

/// <summary>How many new-device mails the throttle held back, and the event time of the first of them.</summary>
internal sealed record SuppressedSignIns(int Count, DateTimeOffset Since);
