using LoginGuard.Contracts;

namespace LoginGuard.Alerts;

/// <summary>A mail an event owes its learner, before it is addressed; <paramref name="Incident"/> only for suspicious activity.</summary>
internal sealed record OwedAlert(AlertKind Kind, Incident? Incident = null);
