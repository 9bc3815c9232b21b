using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>The one multiplexer every Redis adapter shares, as StackExchange.Redis intends.</summary>
internal static class RedisConnection
{
    public static RedisOptions ReadOptions(IConfiguration configuration) =>
        configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();

    public static IServiceCollection AddRedisConnection(this IServiceCollection services, RedisOptions options)
    {
        services.TryAddSingleton<IConnectionMultiplexer>(_ => Connect(options.Configuration!));
        services.TryAddSingleton(_ => new RedisKeys(options.KeyPrefix));
        return services;
    }

    public static ConnectionMultiplexer Connect(string configuration)
    {
        var parsed = ConfigurationOptions.Parse(configuration);

        // Start even while Redis is down: the pipeline retries and pauses instead of the process dying.
        parsed.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(parsed);
    }
}
