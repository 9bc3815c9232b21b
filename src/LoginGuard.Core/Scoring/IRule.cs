using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Scoring;

/// <summary>A detection: pure, no I/O, no clock — it reads the event, the snapshot and its settings.</summary>
internal interface IRule
{
    string Id { get; }

    RuleSettings Settings { get; }

    /// <summary>The rule's finding with a 0..1 score, or null when it has nothing to say.</summary>
    RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot);
}
