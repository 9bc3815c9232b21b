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

    private static readonly Dictionary<string, AlertKind> ByWireName =
        WireNames.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string ToWireName(this AlertKind kind) => WireNames[kind];

    public static AlertKind FromWireName(string name) => ByWireName[name];
}
