
namespace LoginGuard.Contracts;

/// <summary>A validated event with what LoginGuard could learn about where and from what it came.</summary>
/// <param name="Previous">
/// The event's hashes under each hash key rotated out, in the order they are configured; null when no previous key is configured, or for a
/// failure that names no account, whose state is its sources' alone and restarts under the new key.
/// </param>
internal sealed record EnrichedEvent(AuthEvent Event, DeviceFingerprint Device, GeoLocation Geo, StateKeys Keys, IReadOnlyList<PreviousKeys>? Previous = null);
