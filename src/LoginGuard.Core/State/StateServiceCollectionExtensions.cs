using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.State;

internal static class StateServiceCollectionExtensions
{
    /// <summary>State in Redis when <c>Redis:Configuration</c> is set, so every worker shares it; otherwise in this process.</summary>
    public static IServiceCollection AddState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>()
            .Bind(configuration.GetSection(StateOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var redis = RedisConnection.ReadOptions(configuration);
        if (!redis.IsConfigured)
        {
            // Registered as itself too: erasure reaches into it.
            services.AddSingleton<InMemoryBehaviorStore>();
            services.AddSingleton<IBehaviorStore>(provider => provider.GetRequiredService<InMemoryBehaviorStore>());
            return services;
        }

        services.AddRedisConnection(redis);
        services.AddSingleton<IBehaviorStore>(provider => new RedisBehaviorStore(
            provider.GetRequiredService<IConnectionMultiplexer>(),
            provider.GetRequiredService<RedisKeys>(),
            provider.GetRequiredService<IOptionsMonitor<StateOptions>>()));
        return services;
    }

    /// <summary>For <c>run</c>: warn at start-up when the Redis that keeps state may evict it.</summary>
    public static IServiceCollection AddRedisEvictionPolicyCheck(this IServiceCollection services, IConfiguration configuration) =>
        RedisConnection.ReadOptions(configuration).IsConfigured ? services.AddHostedService<RedisEvictionPolicyCheck>() : services;
}
