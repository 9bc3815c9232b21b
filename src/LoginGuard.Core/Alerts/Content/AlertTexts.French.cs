namespace LoginGuard.Alerts.Content;

internal sealed partial record AlertTexts
{
    public static AlertTexts French { get; } = new()
    {
        Language = "fr",
        Greeting = "Bonjour {0},",
        GreetingWithoutName = "Bonjour,",
        NewDevice = new(
            "Nouvelle connexion à votre compte {0}",
            "Une connexion à votre compte {0} a eu lieu depuis un appareil que nous ne connaissions pas.",
            "Si ce n’était pas vous, ouvrez l’application {0} ou saisissez vous-même l’adresse ci-dessous dans votre navigateur, puis changez votre mot de passe et activez la vérification en deux étapes."),
        PasswordChanged = new(
            "Le mot de passe de votre compte {0} a été modifié",
            "Le mot de passe de votre compte {0} a été modifié.",
            "Si ce n’était pas vous, ouvrez l’application {0} ou saisissez vous-même l’adresse ci-dessous dans votre navigateur, choisissez « Mot de passe oublié » pour en définir un nouveau et activez la vérification en deux étapes."),
        MfaDisabled = new(
            "La vérification en deux étapes a été désactivée sur votre compte {0}",
            "La vérification en deux étapes a été désactivée sur votre compte {0}.",
            "Si ce n’était pas vous, ouvrez l’application {0} ou saisissez vous-même l’adresse ci-dessous dans votre navigateur, puis changez votre mot de passe et réactivez la vérification en deux étapes."),
        EmailChanged = new(
            "L’adresse e-mail de votre compte {0} a été modifiée",
            "L’adresse e-mail de votre compte {0} est désormais celle-ci.",
            "Si ce n’était pas vous, ouvrez l’application {0} ou saisissez vous-même l’adresse ci-dessous dans votre navigateur, puis changez votre mot de passe et remettez votre propre adresse e-mail. Si vous ne pouvez plus vous connecter, contactez l’assistance {0} depuis la page Aide."),
        NewDeviceSummary = new(
            "Nouvelles connexions à votre compte {0}",
            "Des connexions à votre compte {0} ont eu lieu depuis des appareils que nous ne connaissions pas. Nous les avons réunies dans un seul e-mail plutôt que de vous en envoyer un par connexion ({1} en tout).",
            "Si l’une d’elles n’était pas vous, ouvrez l’application {0} ou saisissez vous-même l’adresse ci-dessous dans votre navigateur, puis changez votre mot de passe et activez la vérification en deux étapes.",
            "Si c’était vous à chaque fois, vous n’avez rien à faire."),
        StolenSession = new(
            "Connexion inhabituelle à votre compte {0}",
            "Votre compte {0} a été utilisé sur l’un de vos appareils depuis un lieu trop éloigné de votre connexion précédente pour que quiconque ait pu s’y rendre entre-temps. Quelqu’un d’autre utilise peut-être votre session.",
            "Si ce n’était pas vous, ouvrez l’application {0} ou saisissez vous-même l’adresse ci-dessous dans votre navigateur, puis déconnectez tous les appareils, changez votre mot de passe et activez la vérification en deux étapes."),
        SuccessAfterFailures = new(
            "Connexion à votre compte {0} après plusieurs mots de passe erronés",
            "Une connexion à votre compte {0} a eu lieu juste après plusieurs essais de mots de passe erronés.",
            "Si ce n’était pas vous, ouvrez l’application {0} ou saisissez vous-même l’adresse ci-dessous dans votre navigateur, puis déconnectez tous les appareils, changez votre mot de passe et activez la vérification en deux étapes."),
        BruteForce = new(
            "Quelqu’un essaie de deviner votre mot de passe {0}",
            "De nombreux mots de passe erronés ont été essayés sur votre compte {0} en peu de temps. Quelqu’un essaie peut-être de deviner votre mot de passe. Le dernier essai\u00A0:",
            "Si ce n’était pas vous, ouvrez l’application {0} ou saisissez vous-même l’adresse ci-dessous dans votre navigateur, puis choisissez un mot de passe que vous n’utilisez nulle part ailleurs et activez la vérification en deux étapes.",
            "Si c’est vous qui avez essayé ces mots de passe, vous n’avez rien à faire."),
        EmailChangedToOther = "L’adresse e-mail de votre compte {0} a été remplacée par {1}.",
        AccountLabel = "Compte",
        DeviceLabel = "Appareil",
        TimeLabel = "Date et heure",
        PlaceLabel = "Lieu approximatif",
        IpLabel = "Adresse IP",
        LabelSeparator = "\u00A0: ",
        IfYou = "Si c’était vous, vous n’avez rien à faire.",
        WasThisYou = "Était-ce vous\u00A0?",
        YesItWasMe = "Oui\u00A0: vous n’avez rien à faire.",
        NoItWasNot = "Non\u00A0: ouvrez le lien ci-dessous pour nous le dire, afin que {0} puisse sécuriser votre compte.",
        NeverAskPassword = "{0} ne vous demandera jamais votre mot de passe par e-mail.",
        WhySent = "Vous recevez cet e-mail parce qu’il concerne la sécurité de votre compte {0}.",
    };
}
