using LoginGuard.Activity;
using LoginGuard.Alerts.Delivery;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Feedback;
using LoginGuard.LearnerRecords;
using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// Every store in Redis, shared by every worker and surviving restarts, on one multiplexer; so are the erasures deleted
    /// accounts leave, which a background worker does.
    /// </summary>
    public static IServiceCollection AddRedisBackend(this IServiceCollection services, RedisOptions redis)
    {
        services.AddRedisConnection(redis);
        services.AddLearnerStore<IBehaviorStore, RedisBehaviorStore>();
        services.AddLearnerStore<IActivityLog, RedisActivityLog>();
        services.AddLearnerStore<IOutboxStore, RedisOutboxStore>();
        services.AddSingleton<RedisFeedbackStore>();
        services.AddSingleton<ILearnerData>(provider => provider.GetRequiredService<RedisFeedbackStore>());
        services.AddSingleton<RedisLearnerRecords>();
        services.AddSingleton<RedisErasures>();
        services.AddSingleton<IErasureQueue>(provider => provider.GetRequiredService<RedisErasures>());
        services.AddHostedService<ErasureWorker>();
        return services.AddLearnerRecords();
    }

    /// <summary>
    /// Every store in this process, for the embedded replay and tests: nothing survives the process, so mail is sent
    /// as it is queued and whatever is still owed when the host stops (<see cref="InProcessMail"/>), and an erasure is
    /// done as it is queued (<see cref="InProcessErasures"/>).
    /// </summary>
    public static IServiceCollection AddInMemoryBackend(this IServiceCollection services)
    {
        services.AddLearnerStore<IBehaviorStore, InMemoryBehaviorStore>();
        services.AddLearnerStore<IActivityLog, InMemoryActivityLog>();
        services.AddLearnerStore<IOutboxStore, InMemoryOutboxStore>();
        services.AddInProcessMail();
        services.AddSingleton<IErasureQueue, InProcessErasures>();
        return services.AddLearnerRecords();
    }

    /// <summary>
    /// One instance of the store, for the stage that uses it and as learner data, which export and erasure go over in
    /// the order stores are added: behavior state, activity, mail, answers.
    /// </summary>
    private static void AddLearnerStore<TService, TStore>(this IServiceCollection services)
        where TService : class
        where TStore : class, TService, ILearnerData
    {
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<TStore>(provider));
        services.AddSingleton<TService>(provider => provider.GetRequiredService<TStore>());
        services.AddSingleton<ILearnerData>(provider => provider.GetRequiredService<TStore>());
    }
}
