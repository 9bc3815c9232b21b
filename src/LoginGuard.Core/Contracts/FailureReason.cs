namespace LoginGuard.Contracts;

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
    private static readonly WireNames<FailureReason> Names = new(new Dictionary<string, FailureReason>
    {
        ["bad_password"] = FailureReason.BadPassword,
        ["unknown_user"] = FailureReason.UnknownUser,
        ["mfa_failed"] = FailureReason.MfaFailed,
        ["locked"] = FailureReason.Locked,
    });

    public static IEnumerable<string> AllWireNames => Names.All;

    public static bool TryParse(string wireName, out FailureReason reason) => Names.TryParse(wireName, out reason);

    public static string ToWireName(this FailureReason reason) => Names.NameOf(reason);
}
