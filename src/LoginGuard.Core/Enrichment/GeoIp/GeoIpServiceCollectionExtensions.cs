using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Enrichment.GeoIp;

internal static class GeoIpServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IGeoLocator"/> from the <c>GeoIp</c> section: MaxMind when a City,
    /// ASN or overlay path is set, otherwise a locator that knows nothing, with a warning. Paths are checked at start-up.
    /// </summary>
    public static IServiceCollection AddGeoIp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<GeoIpOptions>().Bind(configuration.GetSection(GeoIpOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GeoIpOptions>, GeoIpOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGeoLocator>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GeoIpOptions>>().Value;
            if (!options.IsConfigured)
            {
                GeoIpLog.NotConfigured(provider.GetRequiredService<ILogger<GeoIpDisabledLocator>>());
            }

            return options.IsConfigured || !string.IsNullOrWhiteSpace(options.OverlayDatabasePath)
                ? ActivatorUtilities.CreateInstance<MaxMindGeoLocator>(provider)
                : new GeoIpDisabledLocator();
        });
        return services;
    }
}
