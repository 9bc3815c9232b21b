namespace LoginGuard.Contracts;

/// <summary>The kinds of mail LoginGuard sends a learner.</summary>
internal enum AlertKind
{
    NewDevice,
    PasswordChanged,
    MfaDisabled,
    EmailChanged,

    /// <summary>A High-risk incident no other mail tells of.</summary>
    SuspiciousActivity,
}

internal static class AlertKinds
{
    private static readonly WireNames<AlertKind> Names = new(new Dictionary<string, AlertKind>
    {
        ["new-device"] = AlertKind.NewDevice,
        ["password-changed"] = AlertKind.PasswordChanged,
        ["mfa-disabled"] = AlertKind.MfaDisabled,
        ["email-changed"] = AlertKind.EmailChanged,
        ["suspicious-activity"] = AlertKind.SuspiciousActivity,
    });

    public static string ToWireName(this AlertKind kind) => Names.NameOf(kind);

    public static AlertKind FromWireName(string name) => Names.Parse(name);
}
