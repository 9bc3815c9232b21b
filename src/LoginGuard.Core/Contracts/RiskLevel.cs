namespace LoginGuard.Contracts;

internal enum RiskLevel
{
    None,
    Low,
    Medium,
    High,
}

internal static class RiskLevels
{
    private static readonly WireNames<RiskLevel> Names = new(new Dictionary<string, RiskLevel>
    {
        ["none"] = RiskLevel.None,
        ["low"] = RiskLevel.Low,
        ["medium"] = RiskLevel.Medium,
        ["high"] = RiskLevel.High,
    });

    public static string ToWireName(this RiskLevel level) => Names.NameOf(level);

    public static RiskLevel FromWireName(string name) => Names.Parse(name);
}
