using LoginGuard.State;
using Microsoft.Extensions.Options;

namespace LoginGuard.Worker.Api;

internal static class ApiServiceCollectionExtensions
{
    /// <summary>The HTTP API, validated at start-up and served only when <c>Api:Url</c> is set (which needs Redis).</summary>
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<ApiKey>();
        if (RedisConnection.ReadOptions(configuration).IsConfigured)
        {
            services.AddSingleton<AuditLog>();
        }

        services.AddHostedService<ApiServer>();
        return services;
    }
}
