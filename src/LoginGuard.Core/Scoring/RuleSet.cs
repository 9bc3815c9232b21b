using System.Security.Cryptography;
using System.Text.Json;

namespace LoginGuard.Scoring;

/// <summary>
/// The rules in force, with a version derived from their settings: two workers with the same rules file
/// report the same version, and any change to a threshold changes it, so every decision can be traced.
/// </summary>
internal sealed class RuleSet
{
    private RuleSet(IReadOnlyList<IRule> rules, LevelThresholds levels, string version)
    {
        Rules = rules;
        Levels = levels;
        Version = version;
    }

    public IReadOnlyList<IRule> Rules { get; }

    public LevelThresholds Levels { get; }

    public string Version { get; }

    /// <summary>Builds a set from options that <see cref="ScoringOptionsValidator"/> accepted.</summary>
    public static RuleSet From(ScoringOptions options)
    {
        var allowlist = Allowlist.From(options.Allowlist);
        var rules = options.Rules
            .Where(r => r.Value.Enabled)
            .Select(r => RuleKinds.ByName[r.Value.Kind!].Create(r.Key, r.Value, SettingsOf(r.Value), allowlist))
            .ToList();
        var settings = JsonSerializer.SerializeToUtf8Bytes(options, ScoringJsonContext.Default.ScoringOptions);
        var version = "rs-" + Convert.ToHexStringLower(SHA256.HashData(settings).AsSpan(0, 6));
        return new RuleSet(rules, options.Levels, version);
    }

    private static RuleSettings SettingsOf(RuleDefinition rule) => new()
    {
        Enabled = rule.Enabled,
        Mode = rule.Mode is { } mode ? Enum.Parse<RuleMode>(mode, ignoreCase: true) : RuleMode.Enforce,
        Weight = rule.Weight!.Value,
        Cooldown = rule.Cooldown ?? TimeSpan.Zero,
    };
}
