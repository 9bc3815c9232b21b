using LoginGuard.Enrichment;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Tools.Training;

/// <summary>
/// The stages an offline replay needs, built the way the worker builds them (the real enricher, the
/// in-memory store, the rules file the worker ships, the model as the <c>anomaly-model</c> rule), so
/// features and decisions come out exactly as the pipeline would make them.
/// </summary>
internal sealed class ReplayEnvironment : IDisposable
{
    private readonly ServiceProvider services;
    private readonly RuleSetSource rulesOnlySource;

    /// <param name="configurationFiles">
    /// The worker's settings and rules files, later ones winning (appsettings.json, then rules.json): the
    /// replay scores with what the worker would run, not with defaults of its own.
    /// </param>
    /// <param name="modelPath">The model to score with as the worker does, or null for rules only.</param>
    public ReplayEnvironment(GeoIpFiles geoIp, IReadOnlyList<string> configurationFiles, string? modelPath)
    {
        // The worker's files write durations as "180d"; the pipeline's registration, which teaches the binder to read
        // them, is not part of this replay, and in a process of its own nothing else has made it.
        Durations.AcceptInConfiguration();
        var builder = new ConfigurationBuilder();
        foreach (var file in configurationFiles)
        {
            builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }

        var configuration = builder
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GeoIp:CityDatabasePath"] = geoIp.City,
                ["GeoIp:AsnDatabasePath"] = geoIp.Asn,
                [AnomalyModelOptions.Section + ":Enabled"] = modelPath is null ? "false" : "true",
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

        // Options validation is what loads and checks the model at start-up; a replay fails the same way.
        _ = services.GetRequiredService<IOptionsMonitor<AnomalyModelOptions>>().CurrentValue;
        rulesOnlySource = new RuleSetSource(
            configuration,
            services.GetRequiredService<IOptionsMonitor<StateOptions>>(),
            services.GetRequiredService<ScoringMetrics>(),
            services.GetRequiredService<ILogger<RuleSetSource>>(),
            services.GetRequiredService<TimeProvider>(),
            model: null);
        RulesOnly = new RiskScorer(rulesOnlySource, services.GetRequiredService<ScoringMetrics>());
    }

    public Enricher Enricher => services.GetRequiredService<Enricher>();

    /// <summary>What the worker decides: the rules and, when a model was given, the <c>anomaly-model</c> rule among them.</summary>
    public RiskScorer Scorer => services.GetRequiredService<RiskScorer>();

    /// <summary>The same rules without the model: the rules-only baseline.</summary>
    public RiskScorer RulesOnly { get; }

    public LevelThresholds Levels => services.GetRequiredService<RuleSetSource>().Current.Levels;

    public string RuleSetVersion => RulesOnly.RuleSetVersion;

    /// <summary>The model, validated as at start-up: a missing or unreadable file throws an <see cref="OptionsValidationException"/> naming Scoring:Model:Path.</summary>
    public AnomalyModel Model => services.GetRequiredService<AnomalyModelStore>().Get(services.GetRequiredService<IOptionsMonitor<AnomalyModelOptions>>().CurrentValue.Path);

    /// <summary>A fresh, empty store per stream: each replay starts from no history, as a new deployment would.</summary>
    public InMemoryBehaviorStore NewStore() => ActivatorUtilities.CreateInstance<InMemoryBehaviorStore>(services);

    public void Dispose()
    {
        rulesOnlySource.Dispose();
        services.Dispose();
    }
}
