using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.Pipeline;

internal static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddPipeline(this IServiceCollection services) =>
        services.AddSingleton<LoginPipeline>();
}
