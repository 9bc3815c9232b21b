using LoginGuard.Enrichment.UserAgents;
using LoginGuard.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginGuard.Enrichment;

internal static class DeviceFingerprintServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DeviceFingerprinter"/> and what it needs: the user agent parser with the
    /// <c>Enrichment</c> section and the keyed hasher with the <c>Privacy</c> section, both validated at start-up.
    /// </summary>
    public static IServiceCollection AddDeviceFingerprinting(this IServiceCollection services)
    {
        // Registering twice would bind the section twice, and the binder appends lists.
        if (services.Any(s => s.ServiceType == typeof(DeviceFingerprinter)))
        {
            return services;
        }

        services.AddOptionsWithValidateOnStart<EnrichmentOptions>().BindConfiguration(EnrichmentOptions.SectionName);
        services.AddSingleton<IValidateOptions<EnrichmentOptions>, EnrichmentOptionsValidator>();
        services.AddSingleton<UserAgentParser>();
        services.AddKeyedHasher();
        return services.AddSingleton<DeviceFingerprinter>();
    }
}
