using LoginGuard.Scoring.Rules;

namespace LoginGuard.Scoring;

/// <summary>
/// One kind of rule: the parameters it requires and accepts beyond the common ones (Enabled, Mode, Weight,
/// Cooldown), what it may group by, and how to build it from a validated definition.
/// </summary>
/// <param name="CountsFailures">Its Window counts remembered failures, so it cannot be longer than State:FailureMemory.</param>
/// <param name="Novelty">
/// Its evidence is the learner doing something for the first time (or just after): what the model learns
/// is often ordinary, so the model may vouch it down. Counted failures and impossible travel are evidence
/// the model never discounts: it has only learned the attacks it was shown.
/// </param>
internal sealed record RuleKind(
    string Name,
    IReadOnlyList<string> Required,
    IReadOnlyList<string> Optional,
    IReadOnlyList<FailureGroup> GroupBys,
    Func<string, RuleDefinition, RuleSettings, Allowlist, IRule> Create,
    int MinimumThreshold = 1,
    bool CountsFailures = false,
    bool Novelty = false)
{
    public IEnumerable<string> Parameters => Required.Concat(Optional);
}
