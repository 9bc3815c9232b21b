using LoginGuard.Contracts;

namespace LoginGuard.Scoring;

/// <summary>
/// The rule set the security team tunes: section <c>Scoring</c> of the rules file (<c>rules.json</c>). Read and
/// validated by <see cref="RuleSetSource"/> at start-up and on every change, never half-applied.
/// </summary>
internal sealed class ScoringOptions
{
    public const string Section = "Scoring";

    public LevelThresholds Levels { get; set; } = new();

    /// <summary>Trusted networks by name.</summary>
    public SortedDictionary<string, AllowlistEntry> Allowlist { get; } = new(StringComparer.Ordinal);

    /// <summary>Rules by id; the id is what decisions name in <c>reasons[].rule</c>.</summary>
    public SortedDictionary<string, RuleDefinition> Rules { get; } = new(StringComparer.Ordinal);
}

/// <summary>The lowest risk score that reaches each level; below <see cref="Low"/> the level is none.</summary>
internal sealed class LevelThresholds
{
    public double Low { get; set; } = 0.2;

    public double Medium { get; set; } = 0.5;

    public double High { get; set; } = 0.8;

    public RiskLevel LevelOf(double score) =>
        score >= High ? RiskLevel.High
        : score >= Medium ? RiskLevel.Medium
        : score >= Low ? RiskLevel.Low
        : RiskLevel.None;
}
