namespace LoginGuard.Scoring;

/// <summary>
/// One entry under <c>Scoring:Rules:&lt;id&gt;</c> in the rules file: a <see cref="Kind"/> and the union of every
/// kind's named parameters. Which parameters a kind takes, requires and defaults is in <see cref="RuleKinds"/>;
/// a parameter the kind does not take is an error rather than silently ignored. docs/rules.md explains each.
/// </summary>
internal sealed class RuleDefinition
{
    /// <summary>What the rule detects, e.g. <c>FailedLogins</c>, <c>DistinctLearnersFailing</c>, <c>NewDevice</c>.</summary>
    public string? Kind { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary><c>Enforce</c> (default): hits count. <c>Simulate</c>: hits are reported only.</summary>
    public string? Mode { get; set; }

    /// <summary>How much a full-confidence hit adds to the event's risk, 0..1. Required.</summary>
    public double? Weight { get; set; }

    /// <summary>After the rule fires for a learner, hits for that learner within this time report nothing (default 0).</summary>
    public TimeSpan? Cooldown { get; set; }

    /// <summary>What failures are counted by: <c>Learner</c>, <c>LearnerAndAddress</c>, <c>Address</c> or <c>Network</c>.</summary>
    public string? GroupBy { get; set; }

    /// <summary>How far back failures count; at most <c>State:FailureMemory</c>. For account changes: how long after a risky sign-in.</summary>
    public TimeSpan? Window { get; set; }

    /// <summary>How many failures (or distinct learners) within <see cref="Window"/> make the rule fire.</summary>
    public int? Threshold { get; set; }

    /// <summary>Novelty: how recently a value must have been seen to count as known (default: all remembered history).</summary>
    public TimeSpan? Lookback { get; set; }

    /// <summary>Novelty: how many successful sign-ins a learner needs before novelty means anything (default 1).</summary>
    public int? MinimumHistory { get; set; }

    /// <summary>UnusualDistance: how far beyond the usual places, after both accuracy radii, is unusual.</summary>
    public double? RadiusKm { get; set; }

    /// <summary>ImpossibleTravel: the fastest plausible travel between consecutive sign-ins.</summary>
    public double? MaxSpeedKmh { get; set; }

    /// <summary>ImpossibleTravel: shorter hops (after both accuracy radii) are never impossible.</summary>
    public double? MinimumDistanceKm { get; set; }
}
