namespace LoginGuard.Ingestion;

/// <summary>The kinds of auth event platform services publish; the wire names are in <see cref="AuthEventTypes"/>.</summary>
internal enum AuthEventType
{
    LoginSucceeded,
    LoginFailed,
    PasswordChanged,
    PasswordReset,
    MfaEnabled,
    MfaDisabled,
    EmailChanged,
    AccountDeleted,
}

internal static class AuthEventTypes
{
    private static readonly Dictionary<string, AuthEventType> ByWireName = new(StringComparer.Ordinal)
    {
        ["login.succeeded"] = AuthEventType.LoginSucceeded,
        ["login.failed"] = AuthEventType.LoginFailed,
        ["password.changed"] = AuthEventType.PasswordChanged,
        ["password.reset"] = AuthEventType.PasswordReset,
        ["mfa.enabled"] = AuthEventType.MfaEnabled,
        ["mfa.disabled"] = AuthEventType.MfaDisabled,
        ["email.changed"] = AuthEventType.EmailChanged,
        ["account.deleted"] = AuthEventType.AccountDeleted,
    };

    private static readonly Dictionary<AuthEventType, string> WireNames =
        ByWireName.ToDictionary(pair => pair.Value, pair => pair.Key);

    public static IEnumerable<string> AllWireNames => ByWireName.Keys;

    public static bool TryParse(string wireName, out AuthEventType type) => ByWireName.TryGetValue(wireName, out type);

    public static string ToWireName(this AuthEventType type) => WireNames[type];

    public static AuthEventType FromWireName(string wireName) =>
        TryParse(wireName, out var type) ? type : throw new ArgumentOutOfRangeException(nameof(wireName), wireName, "not an event type");
}
