using LoginGuard.Ingestion;

namespace LoginGuard.Enrichment;

/// <summary>Adds what LoginGuard can learn about an event: the device it came from and where its address is.</summary>
internal sealed class Enricher(DeviceFingerprinter fingerprinter, IGeoLocator geoLocator)
{
    public EnrichedEvent Enrich(AuthEvent authEvent) =>
        new(authEvent, fingerprinter.Fingerprint(authEvent), geoLocator.Locate(authEvent.Ip));
}
