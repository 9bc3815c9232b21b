using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LoginGuard.Scoring;

internal static class ScoringServiceCollectionExtensions
{
    /// <summary>Rules come from section <c>Scoring</c> of <paramref name="configuration"/>, which the host fills from the rules file.</summary>
    public static IServiceCollection AddScoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ScoringMetrics>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<RuleSetSource>(sp, configuration));
        services.AddHostedService<RuleSetStartupCheck>();
        services.AddSingleton<RiskScorer>();
        return services;
    }

    /// <summary>
    /// Being resolved when the host starts is the whole job: the source's constructor throws on a bad rules
    /// file, so start-up stops there rather than at the first event.
    /// </summary>
    private sealed class RuleSetStartupCheck(RuleSetSource source) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = source.Status;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
