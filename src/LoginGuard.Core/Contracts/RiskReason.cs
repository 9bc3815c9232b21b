namespace LoginGuard.Contracts;

/// <summary>
/// One rule's finding. <see cref="Score"/> is the rule's own 0..1 confidence before its weight;
/// a simulated finding is reported but moves neither the level nor any mail.
/// </summary>
internal sealed record RiskReason(string Rule, double Score, string Detail, bool Simulated = false);
