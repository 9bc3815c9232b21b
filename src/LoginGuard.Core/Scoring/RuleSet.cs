using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LoginGuard.Scoring.Rules;

namespace LoginGuard.Scoring;

/// <summary>
/// The rules in force, with a version derived from their settings: two workers with the same settings
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

    public static RuleSet From(ScoringOptions options)
    {
        IRule[] rules = [new NewDeviceRule(options.NewDevice)];
        var settings = JsonSerializer.SerializeToUtf8Bytes(options, ScoringJsonContext.Default.ScoringOptions);
        var version = "rs-" + Convert.ToHexStringLower(SHA256.HashData(settings).AsSpan(0, 6));
        return new RuleSet(rules.Where(r => r.Settings.Enabled).ToList(), options.Levels, version);
    }
}
