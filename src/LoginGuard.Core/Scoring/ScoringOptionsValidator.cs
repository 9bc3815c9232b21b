using System.Globalization;
using System.Net;
using LoginGuard.State;

namespace LoginGuard.Scoring;

/// <summary>The whole rules file: levels, allowlist and every rule, all errors at once, in a stable order.</summary>
internal static class ScoringOptionsValidator
{
    public static IReadOnlyList<string> Validate(ScoringOptions options, StateOptions state)
    {
        var failures = new List<string>();
        var section = ScoringOptions.Section;
        var levels = options.Levels;
        foreach (var (name, value) in new[] { ("Low", levels.Low), ("Medium", levels.Medium), ("High", levels.High) })
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                failures.Add($"{section}:Levels:{name} must be between 0 and 1 (was {Show(value)}).");
            }
        }

        if (!(levels.Low <= levels.Medium && levels.Medium <= levels.High))
        {
            failures.Add($"{section}:Levels: thresholds must rise from Low to Medium to High (were Low={Show(levels.Low)}, Medium={Show(levels.Medium)}, High={Show(levels.High)}).");
        }

        foreach (var (name, entry) in options.Allowlist)
        {
            if (!IPNetwork.TryParse(entry.Cidr ?? "", out _))
            {
                failures.Add($"{section}:Allowlist:{name}: Cidr must be a network such as 203.0.113.0/24 or 2001:db8::/48 (was '{entry.Cidr}').");
            }

            if (string.IsNullOrWhiteSpace(entry.Reason))
            {
                failures.Add($"{section}:Allowlist:{name}: Reason is required: say why this network is trusted.");
            }
        }

        if (options.Rules.Count == 0)
        {
            failures.Add($"{section}:Rules: no rules are configured; the worker reads them from rules.json (see docs/rules.md).");
        }

        foreach (var (id, rule) in options.Rules)
        {
            failures.AddRange(RuleDefinitionValidator.Validate(id, rule, state));
        }

        return failures;
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
