using LoginGuard.Contracts;
using LoginGuard.Enrichment.GeoIp;

namespace LoginGuard.Enrichment;

/// <summary>Adds what LoginGuard can learn about an event: the device it came from and where its address is.</summary>
internal sealed class Enricher(DeviceFingerprinter fingerprinter, IGeoLocator geoLocator, StateKeyMaker keys)
{
    public EnrichedEvent Enrich(AuthEvent authEvent)
    {
        var geo = geoLocator.Locate(authEvent.Ip);
        var device = fingerprinter.Fingerprint(authEvent);
        // Only while a rotation is under way, and only for an event that names an account: no hash is made otherwise.
        var previous = keys.Previous.Count == 0 || authEvent.NamesNoAccount ? null : Previous(authEvent, device, geo);
        return new(authEvent, device, geo, keys.For(authEvent, geo), previous);
    }

    /// <summary>The event's hashes under each key rotated out, which the learner's history may still be filed and keyed by.</summary>
    private List<PreviousKeys> Previous(AuthEvent authEvent, DeviceFingerprint device, GeoLocation geo) =>
        [.. keys.Previous.Select(previous =>
        {
            var (id, agentKey) = DeviceFingerprinter.Hashes(previous.Hasher, authEvent, device.Agent);
            return new PreviousKeys(previous.Hasher.KeyId, previous.For(authEvent, geo), id, agentKey);
        })];
}
