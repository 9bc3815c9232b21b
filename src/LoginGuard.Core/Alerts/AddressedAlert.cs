using LoginGuard.Contracts;

namespace LoginGuard.Alerts;

/// <summary>An alert on its way into the outbox, with whose it is: only the enqueueing needs that.</summary>
internal sealed record AddressedAlert(Alert Alert, AlertOwner Owner)
{
    public static AddressedAlert For(EnrichedEvent source, Alert alert) => new(alert, AlertOwner.Of(source));
}

/// <summary>
/// Whose an alert is, as only enqueueing it needs to know: the throttles and erasure find a learner's alerts by
/// <paramref name="UserId"/>, a summary's id derives from <paramref name="Learner"/>, and the "was this you?" claim
/// names the user and <paramref name="DeviceId"/>. The outbox never keeps it with the alert, so an alert claimed back
/// from a store has no owner, and needs none to be mailed.
/// </summary>
/// <param name="Learner">The learner's keyed hash (<see cref="StateKeys.Learner"/>).</param>
/// <param name="DeviceId">The device's keyed hash (<see cref="DeviceFingerprint.Id"/>).</param>
internal sealed record AlertOwner(string UserId, string Learner, string DeviceId)
{
    public static AlertOwner Of(EnrichedEvent source) => new(source.Event.UserId, source.Keys.Learner, source.Device.Id);
}
