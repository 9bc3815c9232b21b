using LoginGuard.Activity;
using LoginGuard.Alerts;
using LoginGuard.Enrichment;
using LoginGuard.Feedback;
using LoginGuard.Privacy;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.Pipeline;

internal static class PipelineServiceCollectionExtensions
{
    /// <summary>Every stage, in the order an event meets them: the worker, the replay and the tests build the same pipeline.</summary>
    public static IServiceCollection AddLoginGuard(this IServiceCollection services, IConfiguration configuration)
    {
        Durations.AcceptInConfiguration();
        return services
            .AddEnrichment(configuration)
            .AddState(configuration)
            .AddScoring(configuration)
            .AddAnomalyModel(configuration)
            .AddAlerts()
            .AddFeedback(configuration)
            .AddActivity(configuration)
            .AddErasure(configuration)
            .AddPipeline();
    }

    public static IServiceCollection AddPipeline(this IServiceCollection services) =>
        services.AddMetrics().AddSingleton<PipelineMetrics>().AddSingleton<LoginPipeline>();
}
