using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// When a value counts as new: the learner has enough history for novelty to mean something, has a baseline of
/// such values at all, and has not used this one within the lookback (null: as long as state remembers).
/// </summary>
internal sealed record Novelty(TimeSpan? Lookback, int MinimumHistory)
{
    public static Novelty Default { get; } = new(null, 1);

    public bool IsNew(LearnerHistory history, IReadOnlyList<KnownValue> known, string key, DateTimeOffset at) =>
        history.SuccessfulLogins >= MinimumHistory
        && known.Count > 0
        && !known.Any(k => k.Key == key && (Lookback is not { } lookback || k.LastSeen >= at - lookback));
}
