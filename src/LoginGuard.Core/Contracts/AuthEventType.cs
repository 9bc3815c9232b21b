namespace LoginGuard.Contracts;

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
    private static readonly WireNames<AuthEventType> Names = new(new Dictionary<string, AuthEventType>
    {
        ["login.succeeded"] = AuthEventType.LoginSucceeded,
        ["login.failed"] = AuthEventType.LoginFailed,
        ["password.changed"] = AuthEventType.PasswordChanged,
        ["password.reset"] = AuthEventType.PasswordReset,
        ["mfa.enabled"] = AuthEventType.MfaEnabled,
        ["mfa.disabled"] = AuthEventType.MfaDisabled,
        ["email.changed"] = AuthEventType.EmailChanged,
        ["account.deleted"] = AuthEventType.AccountDeleted,
    });

    public static IEnumerable<string> AllWireNames => Names.All;

    public static bool TryParse(string wireName, out AuthEventType type) => Names.TryParse(wireName, out type);

    public static string ToWireName(this AuthEventType type) => Names.NameOf(type);

    public static AuthEventType FromWireName(string wireName) => Names.Parse(wireName);
}
