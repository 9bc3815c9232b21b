namespace LoginGuard.Alerts;

/// <summary>The kinds of mail LoginGuard sends a learner.</summary>
internal enum AlertKind
{
    NewDevice,
    PasswordChanged,
    MfaDisabled,
    EmailChanged,
}

internal static class AlertKinds
{
    private static readonly Dictionary<AlertKind, string> WireNames = new()
    {
        [AlertKind.NewDevice] = "new-device",
        [AlertKind.PasswordChanged] = "password-changed",
        [AlertKind.MfaDisabled] = "mfa-disabled",
        [AlertKind.EmailChanged] = "email-changed",
    };

    public static string ToWireName(this AlertKind kind) => WireNames[kind];
}
