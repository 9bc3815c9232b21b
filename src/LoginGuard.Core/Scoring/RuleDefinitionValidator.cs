using System.Globalization;
using System.Text.RegularExpressions;
using LoginGuard.State;

namespace LoginGuard.Scoring;

/// <summary>
/// Checks one rule against its kind. Every message names the key, quotes the value and says how to fix it, and
/// every problem is reported, so one edit of the rules file can fix them all.
/// </summary>
internal static partial class RuleDefinitionValidator
{
    public static IEnumerable<string> Validate(string id, RuleDefinition rule, StateOptions state)
    {
        var key = $"{ScoringOptions.Section}:Rules:{id}";
        if (!RuleId().IsMatch(id))
        {
            yield return $"{key}: a rule id is lower-case letters, digits and hyphens, starting with a letter or digit (was '{id}'); decisions name rules by it.";
        }

        if (rule.Weight is not { } weight)
        {
            yield return $"{key}: Weight is required: how much a hit adds to the risk, between 0 and 1.";
        }
        else if (weight is < 0 or > 1 || double.IsNaN(weight))
        {
            yield return $"{key}: Weight must be between 0 and 1 (was {Show(weight)}).";
        }

        if (rule.Mode is { } mode && !Enum.TryParse<RuleMode>(mode, ignoreCase: true, out _))
        {
            yield return $"{key}: Mode must be Enforce or Simulate (was '{mode}').";
        }

        if (rule.Cooldown is { } cooldown && cooldown < TimeSpan.Zero)
        {
            yield return $"{key}: Cooldown must not be negative (was {Durations.Format(cooldown)}); use 0s for no cooldown.";
        }

        if (rule.Kind is null)
        {
            yield return $"{key}: Kind is required; use one of: {RuleKinds.Names}.";
            yield break;
        }

        if (!RuleKinds.ByName.TryGetValue(rule.Kind, out var kind))
        {
            yield return $"{key}: Kind '{rule.Kind}' is not known; use one of: {RuleKinds.Names}.";
            yield break;
        }

        foreach (var error in KindParameters(key, rule, kind).Concat(Values(key, rule, kind, state)))
        {
            yield return error;
        }
    }

    private static IEnumerable<string> KindParameters(string key, RuleDefinition rule, RuleKind kind)
    {
        var takes = kind.Parameters.ToList();
        var listed = takes.Count == 0 ? "only the common Enabled, Mode, Weight, Cooldown" : string.Join(", ", takes);
        foreach (var parameter in RuleKinds.KindParameters)
        {
            var value = RuleKinds.ValueOf(rule, parameter);
            if (value is not null && !takes.Contains(parameter))
            {
                yield return $"{key}: {parameter} does not apply to kind {kind.Name} (was {Show(value)}); remove it ({kind.Name} takes {listed}).";
            }
            else if (value is null && kind.Required.Contains(parameter))
            {
                yield return $"{key}: {parameter} is required for kind {kind.Name}; see docs/rules.md.";
            }
        }
    }

    private static IEnumerable<string> Values(string key, RuleDefinition rule, RuleKind kind, StateOptions state)
    {
        if (rule.GroupBy is { } groupBy && kind.GroupBys.Count > 0
            && !kind.GroupBys.Any(g => string.Equals(g.ToString(), groupBy, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"{key}: GroupBy must be one of {string.Join(", ", kind.GroupBys)} for kind {kind.Name} (was '{groupBy}').";
        }

        if (rule.Window is { } window && window <= TimeSpan.Zero)
        {
            yield return $"{key}: Window must be longer than zero (was {Durations.Format(window)}).";
        }
        else if (rule.Window is { } counted && kind.CountsFailures && counted > state.FailureMemory)
        {
            yield return $"{key}: Window must not be longer than State:FailureMemory ({Durations.Format(state.FailureMemory)}) because older failures are forgotten (was {Durations.Format(counted)}); shorten Window or raise State:FailureMemory.";
        }

        if (rule.Threshold is { } threshold && threshold < kind.MinimumThreshold)
        {
            yield return $"{key}: Threshold must be at least {kind.MinimumThreshold} (was {threshold}).";
        }

        if (rule.Lookback is { } lookback && (lookback <= TimeSpan.Zero || lookback > state.HistoryLookback))
        {
            yield return $"{key}: Lookback must be longer than zero and at most State:HistoryLookback ({Durations.Format(state.HistoryLookback)}) because older history is forgotten (was {Durations.Format(lookback)}).";
        }

        if (rule.MinimumHistory is { } minimum && minimum < 1)
        {
            yield return $"{key}: MinimumHistory must be at least 1 (was {minimum}): the first sign-in is the baseline, never news.";
        }

        foreach (var (name, value) in new[] { (RuleKinds.RadiusKm, rule.RadiusKm), (RuleKinds.MaxSpeedKmh, rule.MaxSpeedKmh) })
        {
            if (value is { } positive && !(positive > 0))
            {
                yield return $"{key}: {name} must be greater than 0 (was {Show(positive)}).";
            }
        }

        if (rule.MinimumDistanceKm is { } distance && !(distance >= 0))
        {
            yield return $"{key}: MinimumDistanceKm must not be negative (was {Show(distance)}).";
        }
    }

    private static string Show(object value) => value is TimeSpan duration ? Durations.Format(duration) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex RuleId();
}
