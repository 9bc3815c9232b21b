using LoginGuard.Alerts;
using LoginGuard.Contracts;
using LoginGuard.Ingestion;

namespace LoginGuard.Pipeline;

/// <summary>What became of one message: a decision to publish, or a dead letter.</summary>
internal abstract record PipelineOutcome;

/// <param name="Enriched">
/// Null when this delivery made no effects: a duplicate, whose effects the first delivery made, or an event its learner's
/// erasure took.
/// </param>
/// <param name="Unaddressable">Alerts owed but not queued because the event carried no usable address.</param>
internal sealed record Decided(Decision Decision, EnrichedEvent? Enriched, IReadOnlyList<UnaddressableAlert> Unaddressable) : PipelineOutcome
{
    /// <summary>Every mail queued for the event, one per recipient (an email change also tells the old address).</summary>
    public IReadOnlyList<Alert> Mailed { get; init; } = [];

    /// <summary>
    /// What to hand to <see cref="LoginPipeline.PublishedAsync"/> once the decision reached its consumers; null when
    /// there is nothing to record: it was published before, or, for an unknown user, no decision is kept.
    /// </summary>
    public State.Publication? Publication { get; init; }

    /// <summary>
    /// The cluster refused this decision for good on an earlier delivery, and that delivery's event was parked: refused
    /// again, this one is not parked a second time. Taken, it goes out as the first copy.
    /// </summary>
    public bool Parked { get; init; }
}

internal sealed record DeadLettered(Rejection Rejection) : PipelineOutcome;

internal sealed record UnaddressableAlert(AlertKind Kind, string Reason);
