using LoginGuard.Enrichment.GeoIp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.Enrichment;

internal static class EnrichmentServiceCollectionExtensions
{
    public static IServiceCollection AddEnrichment(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddDeviceFingerprinting()
            .AddGeoIp(configuration)
            .AddSingleton<StateKeyMaker>()
            .AddSingleton<Enricher>();
}
