using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.State;

internal static class StateServiceCollectionExtensions
{
    /// <summary>The state's settings; where state lives is the backend's choice (<c>AddBackend</c>).</summary>
    public static IServiceCollection AddState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>()
            .Bind(configuration.GetSection(StateOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    /// <summary>For <c>run</c>: warn at start-up when the Redis that keeps state may evict it.</summary>
    public static IServiceCollection AddRedisEvictionPolicyCheck(this IServiceCollection services, IConfiguration configuration) =>
        RedisConnection.ReadOptions(configuration).IsConfigured ? services.AddHostedService<RedisEvictionPolicyCheck>() : services;
}
