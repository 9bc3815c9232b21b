namespace LoginGuard.Contracts;

/// <summary>How risky an event is, why, and under which rule set that was decided.</summary>
internal sealed record RiskAssessment(double Score, RiskLevel Level, IReadOnlyList<RiskReason> Reasons, string RuleSetVersion)
{
    public bool Has(string ruleId) => Reasons.Any(r => r.Rule == ruleId && !r.Simulated);
}
