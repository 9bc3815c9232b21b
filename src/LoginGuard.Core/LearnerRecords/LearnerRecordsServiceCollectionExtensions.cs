using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoginGuard.LearnerRecords;

internal static class LearnerRecordsServiceCollectionExtensions
{
    /// <summary>Export and erasure over whatever stores the backend registered as learner data.</summary>
    public static IServiceCollection AddLearnerRecords(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LearnerEraser>();
        services.AddSingleton<LearnerExporter>();
        return services;
    }
}
