namespace LoginGuard.Alerts.Content;

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
        NewDeviceSummary = new(
            "Neue Anmeldungen bei Ihrem {0}-Konto",
            "Bei Ihrem {0}-Konto wurde sich von Geräten angemeldet, die wir bisher nicht kannten. Wir haben diese Anmeldungen in einer E-Mail zusammengefasst, statt für jede eine eigene zu senden (insgesamt {1}).",
            "Falls eine davon nicht von Ihnen war, öffnen Sie die {0}-App oder geben Sie die unten stehende Adresse selbst in Ihren Browser ein, ändern Sie dann Ihr Passwort und aktivieren Sie die Bestätigung in zwei Schritten.",
            "Wenn Sie das jedes Mal waren, müssen Sie nichts tun."),
        StolenSession = new(
            "Ungewöhnliche Anmeldung bei Ihrem {0}-Konto",
            "Ihr {0}-Konto wurde auf einem Ihrer eigenen Geräte von einem Ort aus genutzt, der zu weit von Ihrer vorigen Anmeldung entfernt ist, als dass jemand in der Zwischenzeit dorthin hätte reisen können. Möglicherweise nutzt jemand anderes Ihre Sitzung.",
            "Falls Sie das nicht waren, öffnen Sie die {0}-App oder geben Sie die unten stehende Adresse selbst in Ihren Browser ein, melden Sie dann alle Geräte ab, ändern Sie Ihr Passwort und aktivieren Sie die Bestätigung in zwei Schritten."),
        SuccessAfterFailures = new(
            "Anmeldung bei Ihrem {0}-Konto nach mehreren falschen Passwörtern",
            "Bei Ihrem {0}-Konto wurde sich direkt nach mehreren Versuchen mit falschen Passwörtern angemeldet.",
            "Falls Sie das nicht waren, öffnen Sie die {0}-App oder geben Sie die unten stehende Adresse selbst in Ihren Browser ein, melden Sie dann alle Geräte ab, ändern Sie Ihr Passwort und aktivieren Sie die Bestätigung in zwei Schritten."),
        BruteForce = new(
            "Jemand versucht, Ihr {0}-Passwort zu erraten",
            "Bei Ihrem {0}-Konto wurden in kurzer Zeit viele falsche Passwörter ausprobiert. Möglicherweise versucht jemand, Ihr Passwort zu erraten. Der letzte Versuch:",
            "Falls Sie das nicht waren, öffnen Sie die {0}-App oder geben Sie die unten stehende Adresse selbst in Ihren Browser ein, wählen Sie dann ein Passwort, das Sie nirgendwo sonst verwenden, und aktivieren Sie die Bestätigung in zwei Schritten.",
            "Wenn Sie diese Passwörter selbst ausprobiert haben, müssen Sie nichts tun."),
        EmailChangedToOther = "Die E-Mail-Adresse Ihres {0}-Kontos wurde in {1} geändert.",
        AccountLabel = "Konto",
        DeviceLabel = "Gerät",
        TimeLabel = "Zeitpunkt",
        PlaceLabel = "Ungefährer Ort",
        IpLabel = "IP-Adresse",
        LabelSeparator = ": ",
        IfYou = "Wenn Sie das waren, müssen Sie nichts tun.",
        WasThisYou = "Waren Sie das?",
        YesItWasMe = "Ja: Sie müssen nichts tun.",
        NoItWasNot = "Nein: Öffnen Sie den Link unten und sagen Sie es uns, damit {0} Ihr Konto schützen kann.",
        NeverAskPassword = "{0} fragt Sie niemals per E-Mail nach Ihrem Passwort.",
        WhySent = "Sie erhalten diese E-Mail, weil sie die Sicherheit Ihres {0}-Kontos betrifft.",
    };
}
