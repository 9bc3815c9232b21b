using System.Security.Cryptography;
using System.Text.Json;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.Scoring.Rules;
using LoginGuard.State;

namespace LoginGuard.Scoring;

/// <summary>
/// The rules in force, with a version derived from their settings: two workers with the same rules file
/// report the same version, and any change to a threshold changes it, so every decision can be traced.
/// </summary>
internal sealed class RuleSet
{
    private RuleSet(IReadOnlyList<IRule> rules, AnomalyModelRule? model, LevelThresholds levels, string version, SourceLookback lookback)
    {
        Rules = rules;
        Model = model;
        Levels = levels;
        Version = version;
        SourceLookback = lookback;
    }

    /// <summary>The rules the rules file configures.</summary>
    public IReadOnlyList<IRule> Rules { get; }

    /// <summary>The trained model while it is enabled; <see cref="RiskScorer"/> weighs it with the rules.</summary>
    public AnomalyModelRule? Model { get; }

    public LevelThresholds Levels { get; }

    public string Version { get; }

    /// <summary>The longest windows the rules in force and the model read an address's and a network's failures over.</summary>
    public SourceLookback SourceLookback { get; }

    /// <summary>Builds a set from options that <see cref="ScoringOptionsValidator"/> accepted.</summary>
    /// <param name="model">The trained model's signal, weighed with the rules while it is enabled.</param>
    public static RuleSet From(ScoringOptions options, AnomalyModelRule? model = null)
    {
        var allowlist = Allowlist.From(options.Allowlist);
        var rules = options.Rules
            .Where(r => r.Value.Enabled)
            .Select(r => Create(r.Key, r.Value, allowlist))
            .ToList<IRule>();
        var enabledModel = model is { Settings.Enabled: true } ? model : null;

        var settings = JsonSerializer.SerializeToUtf8Bytes(options, ScoringJsonContext.Default.ScoringOptions)
            .Concat(System.Text.Encoding.UTF8.GetBytes(model?.VersionTag ?? "off"))
            .ToArray();
        var version = "rs-" + Convert.ToHexStringLower(SHA256.HashData(settings).AsSpan(0, 6));
        return new RuleSet(rules, enabledModel, options.Levels, version, LookbackOf(options, enabledModel));
    }

    private static SourceLookback LookbackOf(ScoringOptions options, AnomalyModelRule? model)
    {
        var modelWindow = model is null ? TimeSpan.Zero : LoginFeatureExtractor.FailureWindow;
        TimeSpan Longest(FailureGroup group) => options.Rules.Values
            .Where(r => r.Enabled && r.Window is not null && r.GroupBy is not null && RuleKinds.Group(r) == group)
            .Select(r => r.Window!.Value)
            .Append(modelWindow)
            .Max();
        return new SourceLookback(Longest(FailureGroup.Address), Longest(FailureGroup.Network));
    }

    private static IRule Create(string id, RuleDefinition rule, Allowlist allowlist)
    {
        var kind = RuleKinds.ByName[rule.Kind!];
        return kind.Create(id, rule, SettingsOf(rule, kind), allowlist);
    }

    private static RuleSettings SettingsOf(RuleDefinition rule, RuleKind kind) => new()
    {
        Novelty = kind.Novelty,
        Enabled = rule.Enabled,
        Mode = rule.Mode is { } mode ? Enum.Parse<RuleMode>(mode, ignoreCase: true) : RuleMode.Enforce,
        Weight = rule.Weight!.Value,
        Cooldown = rule.Cooldown ?? TimeSpan.Zero,
    };
}
