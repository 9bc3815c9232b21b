using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LoginGuard.Scoring.Anomaly;

internal static class AnomalyModelServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AnomalyModelRule"/> with the <c>Scoring:Model</c> section, validated at start-up:
    /// an enabled model that is missing or unreadable stops start-up with a message naming <c>Scoring:Model:Path</c>.
    /// The rule set includes the rule only while <see cref="RuleSettings.Enabled"/> is true.
    /// </summary>
    public static IServiceCollection AddAnomalyModel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnomalyModelOptions>()
            .Bind(configuration.GetSection(AnomalyModelOptions.Section))
            .ValidateOnStart();
        services.TryAddSingleton<AnomalyModelStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnomalyModelOptions>, AnomalyModelOptionsValidator>());
        services.TryAddSingleton<AnomalyModelRule>();
        return services;
    }
}
