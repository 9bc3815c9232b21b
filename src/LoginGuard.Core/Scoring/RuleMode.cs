namespace LoginGuard.Scoring;

/// <summary>Enforce: a hit counts. Simulate: a hit is reported in the decision only, to try a rule safely.</summary>
internal enum RuleMode
{
    Enforce,
    Simulate,
}
