using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoginGuard.Activity;

internal static class ActivityServiceCollectionExtensions
{
    /// <summary>Learners' recent activity in Redis when <c>Redis:Configuration</c> is set, else in this process.</summary>
    public static IServiceCollection AddActivity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ActivityOptions>()
            .Bind(configuration.GetSection(ActivityOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        var redis = RedisConnection.ReadOptions(configuration);
        if (redis.IsConfigured)
        {
            services.AddRedisConnection(redis);
            services.AddSingleton<IActivityLog, RedisActivityLog>();
        }
        else
        {
            services.AddSingleton<IActivityLog, InMemoryActivityLog>();
        }

        return services;
    }
}
