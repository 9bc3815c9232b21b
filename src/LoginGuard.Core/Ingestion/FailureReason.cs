namespace LoginGuard.Ingestion;

/// <summary>Why a <c>login.failed</c> event failed, as the login page reports it.</summary>
internal enum FailureReason
{
    BadPassword,
    UnknownUser,
    MfaFailed,
    Locked,
}

internal static class FailureReasons
{
    private static readonly Dictionary<string, FailureReason> ByWireName = new(StringComparer.Ordinal)
    {
        ["bad_password"] = FailureReason.BadPassword,
        ["unknown_user"] = FailureReason.UnknownUser,
        ["mfa_failed"] = FailureReason.MfaFailed,
        ["locked"] = FailureReason.Locked,
    };

    private static readonly Dictionary<FailureReason, string> WireNames =
        ByWireName.ToDictionary(pair => pair.Value, pair => pair.Key);

    public static IEnumerable<string> AllWireNames => ByWireName.Keys;

    public static bool TryParse(string wireName, out FailureReason reason) => ByWireName.TryGetValue(wireName, out reason);

    public static string ToWireName(this FailureReason reason) => WireNames[reason];
}
