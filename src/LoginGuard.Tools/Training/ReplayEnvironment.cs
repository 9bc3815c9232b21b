using LoginGuard.Enrichment;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginGuard.Tools.Training;

/// <summary>
/// The stages an offline replay needs, built the way the worker builds them (the real enricher, the
/// in-memory store, the rules in force), so features come out exactly as the pipeline would see them.
/// </summary>
internal sealed class ReplayEnvironment : IDisposable
{
    private readonly ServiceProvider services;

    /// <param name="modelPath">The model to score with, or null for rules only.</param>
    public ReplayEnvironment(string geoIpDirectory, string? modelPath)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "rules.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GeoIp:CityDatabasePath"] = Path.Combine(geoIpDirectory, "sample-city.mmdb"),
                ["GeoIp:AsnDatabasePath"] = Path.Combine(geoIpDirectory, "sample-asn.mmdb"),

                // Off for the rule set, so Rules is the rules-only baseline; the model is scored beside it on its own.
                [AnomalyModelOptions.Section + ":Enabled"] = "false",
                [AnomalyModelOptions.Section + ":Path"] = modelPath ?? "",
            })
            .Build();
        services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddEnrichment(configuration)
            .AddState(configuration)
            .AddScoring(configuration)
            .AddAnomalyModel(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public Enricher Enricher => services.GetRequiredService<Enricher>();

    public RiskScorer Rules => services.GetRequiredService<RiskScorer>();

    public LevelThresholds Levels => services.GetRequiredService<RuleSetSource>().Current.Levels;

    public AnomalyModelRule ModelRule => services.GetRequiredService<AnomalyModelRule>();

    /// <summary>The model, validated as at start-up: a missing or unreadable file throws an <see cref="OptionsValidationException"/> naming Scoring:Model:Path.</summary>
    public AnomalyModel Model => services.GetRequiredService<AnomalyModelStore>().Get(services.GetRequiredService<IOptionsMonitor<AnomalyModelOptions>>().CurrentValue.Path);

    /// <summary>A fresh, empty store per stream: each replay starts from no history, as a new deployment would.</summary>
    public InMemoryBehaviorStore NewStore() => ActivatorUtilities.CreateInstance<InMemoryBehaviorStore>(services);

    public void Dispose() => services.Dispose();
}
