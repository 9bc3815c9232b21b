using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoginGuard.LearnerRecords;

internal static class LearnerRecordsServiceCollectionExtensions
{
    /// <summary>
    /// Export and erasure over whatever stores the backend registered as learner data; the backend also says where the
    /// erasures deleted accounts leave wait (<see cref="IErasureQueue"/>).
    /// </summary>
    public static IServiceCollection AddLearnerRecords(this IServiceCollection services)
    {
        services.AddOptions<ErasureOptions>().BindConfiguration(ErasureOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LearnerEraser>();
        services.AddSingleton<LearnerExporter>();
        services.AddMetrics().AddSingleton<ErasureMetrics>();
        return services;
    }
}
