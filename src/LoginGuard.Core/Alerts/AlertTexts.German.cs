namespace LoginGuard.Alerts;

internal sealed partial record AlertTexts
{
    public static AlertTexts German { get; } = new()
    {
        Language = "de",
        Greeting = "Hallo {0},",
        GreetingWithoutName = "Hallo,",
        NewDevice = new(
            "Neue Anmeldung bei Ihrem {0}-Konto",
            "Bei Ihrem {0}-Konto gab es eine Anmeldung von einem Gerät, das wir bisher nicht kannten.",
            "Falls Sie das nicht waren, öffnen Sie die {0}-App oder geben Sie die unten stehende Adresse selbst in Ihren Browser ein, ändern Sie dann Ihr Passwort und aktivieren Sie die Bestätigung in zwei Schritten."),
        PasswordChanged = new(
            "Das Passwort Ihres {0}-Kontos wurde geändert",
            "Das Passwort Ihres {0}-Kontos wurde geändert.",
            "Falls Sie das nicht waren, öffnen Sie die {0}-App oder geben Sie die unten stehende Adresse selbst in Ihren Browser ein, wählen Sie „Passwort vergessen“, um ein neues festzulegen, und aktivieren Sie die Bestätigung in zwei Schritten."),
        MfaDisabled = new(
            "Die Bestätigung in zwei Schritten wurde für Ihr {0}-Konto deaktiviert",
            "Die Bestätigung in zwei Schritten wurde für Ihr {0}-Konto deaktiviert.",
            "Falls Sie das nicht waren, öffnen Sie die {0}-App oder geben Sie die unten stehende Adresse selbst in Ihren Browser ein, ändern Sie dann Ihr Passwort und aktivieren Sie die Bestätigung in zwei Schritten wieder."),
        EmailChanged = new(
            "Die E-Mail-Adresse Ihres {0}-Kontos wurde geändert",
            "Die E-Mail-Adresse Ihres {0}-Kontos wurde auf diese Adresse geändert.",
            "Falls Sie das nicht waren, öffnen Sie die {0}-App oder geben Sie die unten stehende Adresse selbst in Ihren Browser ein, ändern Sie dann Ihr Passwort und tragen Sie wieder Ihre eigene E-Mail-Adresse ein. Wenn Sie sich nicht mehr anmelden können, wenden Sie sich über die Hilfeseite an den {0}-Support."),
        EmailChangedToOther = "Die E-Mail-Adresse Ihres {0}-Kontos wurde in {1} geändert.",
        DeviceLabel = "Gerät",
        TimeLabel = "Zeitpunkt",
        PlaceLabel = "Ungefährer Ort",
        IpLabel = "IP-Adresse",
        OtherSignInsLabel = "Weitere neue Anmeldungen",
        OtherSignInsValue = "{0} seit {1}",
        LabelSeparator = ": ",
        IfYou = "Wenn Sie das waren, müssen Sie nichts tun.",
        NeverAskPassword = "{0} fragt Sie niemals per E-Mail nach Ihrem Passwort.",
        WhySent = "Sie erhalten diese E-Mail, weil sie die Sicherheit Ihres {0}-Kontos betrifft.",
    };
}
