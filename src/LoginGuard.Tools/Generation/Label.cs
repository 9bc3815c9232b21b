namespace LoginGuard.Tools.Generation;

/// <summary>The ground truth for one event: whether an attacker caused it, and the behavior that produced it.</summary>
internal sealed record Label(bool Attack, string Scenario)
{
    public static Label Normal { get; } = Benign("normal");

    public static Label Benign(string scenario) => new(false, scenario);

    public static Label AttackBy(string scenario) => new(true, scenario);
}
