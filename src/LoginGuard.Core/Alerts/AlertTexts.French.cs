namespace LoginGuard.Alerts;

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
        EmailChangedToOther = "L’adresse e-mail de votre compte {0} a été remplacée par {1}.",
        DeviceLabel = "Appareil",
        TimeLabel = "Date et heure",
        PlaceLabel = "Lieu approximatif",
        IpLabel = "Adresse IP",
        OtherSignInsLabel = "Autres nouvelles connexions",
        OtherSignInsValue = "{0} depuis {1}",
        LabelSeparator = "\u00A0: ",
        IfYou = "Si c’était vous, vous n’avez rien à faire.",
        NeverAskPassword = "{0} ne vous demandera jamais votre mot de passe par e-mail.",
        WhySent = "Vous recevez cet e-mail parce qu’il concerne la sécurité de votre compte {0}.",
    };
}
