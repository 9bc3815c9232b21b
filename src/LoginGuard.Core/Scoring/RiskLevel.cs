namespace LoginGuard.Scoring;

internal enum RiskLevel
{
    None,
    Low,
    Medium,
    High,
}

internal static class RiskLevels
{
    public static string ToWireName(this RiskLevel level) => level switch
    {
        RiskLevel.None => "none",
        RiskLevel.Low => "low",
        RiskLevel.Medium => "medium",
        RiskLevel.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static RiskLevel FromWireName(string name) => name switch
    {
        "none" => RiskLevel.None,
        "low" => RiskLevel.Low,
        "medium" => RiskLevel.Medium,
        "high" => RiskLevel.High,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a risk level"),
    };
}
