using LoginGuard.Scoring.Rules;

namespace LoginGuard.Scoring;

/// <summary>
/// One kind of rule: the parameters it requires and accepts beyond the common ones (Enabled, Mode, Weight,
/// Cooldown), what it may group by, and how to build it from a validated definition.
/// </summary>
/// <param name="CountsFailures">Its Window counts remembered failures, so it cannot be longer than State:FailureMemory.</param>
internal sealed record RuleKind(
    string Name,
    IReadOnlyList<string> Required,
    IReadOnlyList<string> Optional,
    IReadOnlyList<FailureGroup> GroupBys,
    Func<string, RuleDefinition, RuleSettings, Allowlist, IRule> Create,
    int MinimumThreshold = 1,
    bool CountsFailures = false)
{
    public IEnumerable<string> Parameters => Required.Concat(Optional);
}
