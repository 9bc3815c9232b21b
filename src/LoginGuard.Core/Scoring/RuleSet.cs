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
    private RuleSet(IReadOnlyList<IRule> rules, LevelThresholds levels, string version, SourceLookback lookback)
    {
        Rules = rules;
        Levels = levels;
        Version = version;
        SourceLookback = lookback;
    }

    public IReadOnlyList<IRule> Rules { get; }

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
            .Select(r => RuleKinds.ByName[r.Value.Kind!].Create(r.Key, r.Value, SettingsOf(r.Value), allowlist))
            .ToList<IRule>();
        if (model is { Settings.Enabled: true })
        {
            rules.Add(model);
        }

        var settings = JsonSerializer.SerializeToUtf8Bytes(options, ScoringJsonContext.Default.ScoringOptions)
            .Concat(System.Text.Encoding.UTF8.GetBytes(model?.VersionTag ?? "off"))
            .ToArray();
        var version = "rs-" + Convert.ToHexStringLower(SHA256.HashData(settings).AsSpan(0, 6));
        return new RuleSet(rules, options.Levels, version, LookbackOf(options, model));
    }

    private static SourceLookback LookbackOf(ScoringOptions options, AnomalyModelRule? model)
    {
        var modelWindow = model is { Settings.Enabled: true } ? LoginFeatureExtractor.FailureWindow : TimeSpan.Zero;
        TimeSpan Longest(FailureGroup group) => options.Rules.Values
            .Where(r => r.Enabled && r.Window is not null && r.GroupBy is not null && Enum.Parse<FailureGroup>(r.GroupBy, ignoreCase: true) == group)
            .Select(r => r.Window!.Value)
            .Append(modelWindow)
            .Max();
        return new SourceLookback(Longest(FailureGroup.Address), Longest(FailureGroup.Network));
    }

    private static RuleSettings SettingsOf(RuleDefinition rule) => new()
    {
        Enabled = rule.Enabled,
        Mode = rule.Mode is { } mode ? Enum.Parse<RuleMode>(mode, ignoreCase: true) : RuleMode.Enforce,
        Weight = rule.Weight!.Value,
        Cooldown = rule.Cooldown ?? TimeSpan.Zero,
    };
}
