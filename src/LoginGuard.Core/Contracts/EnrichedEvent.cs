
namespace LoginGuard.Contracts;

/// <summary>A validated event with what LoginGuard could learn about where and from what it came.</summary>
internal sealed record EnrichedEvent(AuthEvent Event, DeviceFingerprint Device, GeoLocation Geo, StateKeys Keys);
