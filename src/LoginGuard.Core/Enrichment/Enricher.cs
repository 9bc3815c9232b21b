using LoginGuard.Contracts;
using LoginGuard.Enrichment.GeoIp;

namespace LoginGuard.Enrichment;

/// <summary>Adds what LoginGuard can learn about an event: the device it came from and where its address is.</summary>
internal sealed class Enricher(DeviceFingerprinter fingerprinter, IGeoLocator geoLocator, StateKeyMaker keys)
{
    public EnrichedEvent Enrich(AuthEvent authEvent)
    {
        var geo = geoLocator.Locate(authEvent.Ip);
        return new(authEvent, fingerprinter.Fingerprint(authEvent), geo, keys.For(authEvent, geo));
    }
}
