namespace LoginGuard.Scoring;

/// <summary>What every rule has once validated: whether its hits count, how much, and how long it stays quiet after firing.</summary>
internal sealed record RuleSettings
{
    public bool Enabled { get; init; } = true;

    public RuleMode Mode { get; init; } = RuleMode.Enforce;

    /// <summary>How much a full-confidence hit adds to the event's risk, 0..1.</summary>
    public double Weight { get; init; }

    public TimeSpan Cooldown { get; init; }

    /// <summary>From the rule's kind (<see cref="RuleKind.Novelty"/>): whether the model may vouch this rule's hits down.</summary>
    public bool Novelty { get; init; }
}
