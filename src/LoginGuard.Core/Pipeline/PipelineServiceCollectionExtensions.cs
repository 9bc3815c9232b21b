using LoginGuard.Activity;
using LoginGuard.Alerts;
using LoginGuard.Enrichment;
using LoginGuard.Feedback;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoginGuard.Pipeline;

internal static class PipelineServiceCollectionExtensions
{
    /// <summary>Every stage, in the order an event meets them: the worker, the replay and the tests build the same pipeline.</summary>
    public static IServiceCollection AddLoginGuard(this IServiceCollection services, IConfiguration configuration)
    {
        Durations.AcceptInConfiguration();
        return services
            .AddBackend(configuration)
            .AddEnrichment(configuration)
            .AddState(configuration)
            .AddScoring(configuration)
            .AddAnomalyModel(configuration)
            .AddAlerts()
            .AddFeedback()
            .AddActivity(configuration)
            .AddPipeline();
    }

    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        // The replayed stream's present unless the host says otherwise: run judges events by the wall clock.
        services.TryAddSingleton<IEventTimeWindow, StreamPresentWindow>();
        return services.AddMetrics().AddSingleton<PipelineMetrics>().AddSingleton<PublicationsInFlight>().AddSingleton<LoginPipeline>();
    }

    /// <summary>For <c>run</c>: events are judged against the worker's clock rather than each other.</summary>
    public static IServiceCollection AddWallClockEventWindow(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services.Replace(ServiceDescriptor.Singleton<IEventTimeWindow, WallClockWindow>());
    }
}
