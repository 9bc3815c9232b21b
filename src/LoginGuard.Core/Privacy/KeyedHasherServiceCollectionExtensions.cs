using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginGuard.Privacy;

internal static class KeyedHasherServiceCollectionExtensions
{
    /// <summary>Adds <see cref="KeyedHasher"/> with the <c>Privacy</c> section, validated at start-up.</summary>
    public static IServiceCollection AddKeyedHasher(this IServiceCollection services)
    {
        // Several stages hash ids and may each ask for this; registering twice would bind the section twice.
        if (services.Any(s => s.ServiceType == typeof(KeyedHasher)))
        {
            return services;
        }

        services.AddOptionsWithValidateOnStart<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName);
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        return services.AddSingleton<KeyedHasher>();
    }
}
