using System.Diagnostics.Metrics;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;
using LoginGuard.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LoginGuard.Core.Tests.Scoring;

/// <summary>Rule sets built from configuration keys, the way a rules file would set them.</summary>
internal static class ScoringFixture
{
    public static readonly Dictionary<string, string?> NewDeviceOnly = Rule("new-device", ("Kind", "NewDevice"), ("Weight", "0.35"));

    public static Dictionary<string, string?> Rule(string id, params (string Key, string Value)[] parameters) =>
        parameters.ToDictionary(p => $"Scoring:Rules:{id}:{p.Key}", p => (string?)p.Value);

    /// <summary>Later parts win, as later configuration sources do.</summary>
    public static IConfigurationRoot Configuration(params IEnumerable<KeyValuePair<string, string?>>[] parts) =>
        parts.Aggregate((IConfigurationBuilder)new ConfigurationBuilder(), (builder, part) => builder.AddInMemoryCollection(part)).Build();

    public static RuleSetSource Source(IConfiguration configuration, ILogger<RuleSetSource>? logger = null, IMeterFactory? meters = null, AnomalyModelRule? model = null) =>
        new(configuration, new StaticOptionsMonitor<StateOptions>(new StateOptions()), Metrics(meters), logger ?? NullLogger<RuleSetSource>.Instance, TimeProvider.System, model);

    public static RiskScorer Scorer(params IEnumerable<KeyValuePair<string, string?>>[] parts) => new(Source(Configuration(parts)), Metrics(null));

    /// <summary>The rules with the trained model weighed among them, as the worker runs them.</summary>
    public static RiskScorer Scorer(AnomalyModelRule model, params IEnumerable<KeyValuePair<string, string?>>[] parts) =>
        new(Source(Configuration(parts), model: model), Metrics(null));

    public static IReadOnlyList<string> Errors(params IEnumerable<KeyValuePair<string, string?>>[] parts) =>
        ScoringConfiguration.Load(Configuration(parts), new StateOptions()).Errors;

    public static IMeterFactory MeterFactory() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    private static ScoringMetrics Metrics(IMeterFactory? meters) => new(meters ?? MeterFactory());
}
