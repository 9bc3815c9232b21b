using LoginGuard.Enrichment;
using LoginGuard.Pipeline;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;
using LoginGuard.Worker.Replay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Tools.Training;

/// <summary>
/// The stages an offline replay needs, built the way the worker builds them (the real enricher, the
/// in-memory backend, the rules file the worker ships, the model as the <c>anomaly-model</c> rule), so
/// features and decisions come out exactly as the pipeline would make them.
/// </summary>
internal sealed class ReplayEnvironment : IDisposable
{
    private readonly IConfiguration configuration;
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

        configuration = builder
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

    /// <summary>
    /// Runs a stream through <c>loginguard replay</c>'s own pipeline and runner on a fresh in-memory backend (each
    /// stream starts from no history, as a new deployment would), telling <paramref name="observer"/> of every
    /// event it scores. Its decisions and mail go to a folder that is deleted afterwards.
    /// </summary>
    public async Task ReplayAsync(string eventsFile, IAssessmentObserver observer, CancellationToken cancellationToken)
    {
        var output = Directory.CreateTempSubdirectory("loginguard-replay-");
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
            builder.Configuration.AddConfiguration(configuration);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Smtp:Host"] = "",
                ["Smtp:PickupDirectory"] = output.CreateSubdirectory("outbox").FullName,
            });
            builder.Services.AddLoginGuard(builder.Configuration).AddSingleton(observer);
            using var host = builder.Build();
            await host.StartAsync(cancellationToken);
            await new ReplayRunner(host.Services.GetRequiredService<LoginPipeline>()).RunAsync(eventsFile, output.FullName, new Progress<long>(), cancellationToken);
            await host.StopAsync(cancellationToken);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    public void Dispose()
    {
        rulesOnlySource.Dispose();
        services.Dispose();
    }
}
