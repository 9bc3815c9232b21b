using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.LearnerRecords;

internal static class ErasureServiceCollectionExtensions
{
    /// <summary>Erasure of a learner from wherever state lives: Redis when <c>Redis:Configuration</c> is set, else this process.</summary>
    public static IServiceCollection AddErasure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKeyedHasher();
        return RedisConnection.ReadOptions(configuration).IsConfigured
            ? services.AddSingleton<ILearnerEraser, RedisLearnerEraser>()
            : services.AddSingleton<ILearnerEraser, InMemoryLearnerEraser>();
    }
}
