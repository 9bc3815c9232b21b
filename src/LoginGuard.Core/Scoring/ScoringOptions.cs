using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LoginGuard.Scoring;

/// <summary>The rule set the security team tunes (section <c>Scoring</c>); reloaded live.</summary>
internal sealed class ScoringOptions
{
    public const string Section = "Scoring";

    [Required]
    [ValidateObjectMembers]
    public LevelThresholds Levels { get; set; } = new();

    [Required]
    [ValidateObjectMembers]
    public RuleSettings NewDevice { get; set; } = new() { Weight = 0.35 };
}

/// <summary>The lowest risk score that reaches each level; below <see cref="Low"/> the level is none.</summary>
internal sealed class LevelThresholds
{
    [Range(0.0, 1.0)]
    public double Low { get; set; } = 0.2;

    [Range(0.0, 1.0)]
    public double Medium { get; set; } = 0.5;

    [Range(0.0, 1.0)]
    public double High { get; set; } = 0.8;

    public RiskLevel LevelOf(double score) =>
        score >= High ? RiskLevel.High
        : score >= Medium ? RiskLevel.Medium
        : score >= Low ? RiskLevel.Low
        : RiskLevel.None;
}
