using LoginGuard.Activity;
using LoginGuard.Feedback;
using LoginGuard.LearnerRecords;
using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Alerts.Delivery;

namespace LoginGuard.Pipeline;

/// <summary>
/// Where everything LoginGuard keeps lives, chosen once for every store: the stages register what they do, never
/// where they keep it, so no store can end up in Redis while another sits in this process.
/// </summary>
internal static class BackendServiceCollectionExtensions
{
    /// <summary>Redis when <c>Redis:Configuration</c> is set (what <c>run</c> requires), else this process.</summary>
    public static IServiceCollection AddBackend(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = RedisConnection.ReadOptions(configuration);
        return redis.IsConfigured ? services.AddRedisBackend(redis) : services.AddInMemoryBackend();
    }

    /// <summary>Every store in Redis, shared by every worker and surviving restarts, on one multiplexer.</summary>
    public static IServiceCollection AddRedisBackend(this IServiceCollection services, RedisOptions redis)
    {
        services.AddRedisConnection(redis);
        services.AddSingleton<IBehaviorStore>(provider => new RedisBehaviorStore(
            provider.GetRequiredService<IConnectionMultiplexer>(),
            provider.GetRequiredService<RedisKeys>(),
            provider.GetRequiredService<IOptionsMonitor<StateOptions>>()));
        services.AddSingleton<IOutboxStore>(provider => ActivatorUtilities.CreateInstance<RedisOutboxStore>(provider));
        services.AddSingleton<IActivityLog, RedisActivityLog>();
        services.AddSingleton<RedisFeedbackStore>();
        services.AddSingleton<RedisLearnerRecords>();
        services.AddSingleton<ILearnerEraser, RedisLearnerEraser>();
        return services;
    }

    /// <summary>
    /// Every store in this process, for the embedded replay and tests: nothing survives the process, so mail is sent
    /// as it is queued and whatever is still owed when the host stops (<see cref="InProcessMail"/>).
    /// </summary>
    public static IServiceCollection AddInMemoryBackend(this IServiceCollection services)
    {
        // Registered as themselves too: erasure reaches into them.
        services.AddSingleton<InMemoryBehaviorStore>();
        services.AddSingleton<IBehaviorStore>(provider => provider.GetRequiredService<InMemoryBehaviorStore>());
        services.AddSingleton<InMemoryOutboxStore>();
        services.AddSingleton<IOutboxStore>(provider => provider.GetRequiredService<InMemoryOutboxStore>());
        services.AddInProcessMail();
        services.AddSingleton<IActivityLog, InMemoryActivityLog>();
        services.AddSingleton<ILearnerEraser, InMemoryLearnerEraser>();
        return services;
    }
}
