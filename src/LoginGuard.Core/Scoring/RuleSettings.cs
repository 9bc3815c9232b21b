using System.ComponentModel.DataAnnotations;

namespace LoginGuard.Scoring;

/// <summary>What every rule has: whether it runs, whether its hits count, and how much.</summary>
internal class RuleSettings
{
    public bool Enabled { get; set; } = true;

    public RuleMode Mode { get; set; } = RuleMode.Enforce;

    /// <summary>How much a full-confidence hit adds to the event's risk, 0..1.</summary>
    [Range(0.0, 1.0)]
    public double Weight { get; set; }
}
