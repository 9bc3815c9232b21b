namespace LoginGuard.Alerts.Content;

internal sealed partial record AlertTexts
{
    public static AlertTexts English { get; } = new()
    {
        Language = "en",
        Greeting = "Hello {0},",
        GreetingWithoutName = "Hello,",
        NewDevice = new(
            "New sign-in to your {0} account",
            "Your {0} account was signed in to from a device we have not seen before.",
            "If it was not you, open the {0} app, or type the address below into your browser yourself, then change your password and turn on two-step verification."),
        PasswordChanged = new(
            "Your {0} password was changed",
            "The password of your {0} account was changed.",
            "If it was not you, open the {0} app, or type the address below into your browser yourself, choose \"Forgot password\" to set a new one, and turn on two-step verification."),
        MfaDisabled = new(
            "Two-step verification was turned off for your {0} account",
            "Two-step verification was turned off for your {0} account.",
            "If it was not you, open the {0} app, or type the address below into your browser yourself, then change your password and turn two-step verification back on."),
        EmailChanged = new(
            "The email address of your {0} account was changed",
            "The email address of your {0} account was changed to this address.",
            "If it was not you, open the {0} app, or type the address below into your browser yourself, then change your password and put your own email address back. If you can no longer sign in, contact {0} support from the Help page."),
        NewDeviceSummary = new(
            "New sign-ins to your {0} account",
            "Your {0} account was signed in to from devices we had not seen before. We kept these sign-ins together in one email rather than send one for each ({1} in all).",
            "If any of them was not you, open the {0} app, or type the address below into your browser yourself, then change your password and turn on two-step verification.",
            "If they were all you, there is nothing to do."),
        StolenSession = new(
            "Unusual sign-in to your {0} account",
            "Your {0} account was used on one of your own devices from a place too far from your previous sign-in for anyone to travel there in the time between. Someone else may be using your session.",
            "If it was not you, open the {0} app, or type the address below into your browser yourself, then sign out of all devices, change your password and turn on two-step verification."),
        SuccessAfterFailures = new(
            "Sign-in to your {0} account after several wrong passwords",
            "Your {0} account was signed in to right after several wrong passwords were tried.",
            "If it was not you, open the {0} app, or type the address below into your browser yourself, then sign out of all devices, change your password and turn on two-step verification."),
        BruteForce = new(
            "Someone is trying to guess your {0} password",
            "Many wrong passwords were tried on your {0} account in a short time. Someone may be trying to guess your password. The latest attempt:",
            "If it was not you, open the {0} app, or type the address below into your browser yourself, then change your password to one you use nowhere else and turn on two-step verification.",
            "If you tried these passwords yourself, there is nothing to do."),
        EmailChangedToOther = "The email address of your {0} account was changed to {1}.",
        AccountLabel = "Account",
        DeviceLabel = "Device",
        TimeLabel = "When",
        PlaceLabel = "Approximate location",
        IpLabel = "IP address",
        LabelSeparator = ": ",
        IfYou = "If this was you, there is nothing to do.",
        WasThisYou = "Was this you?",
        YesItWasMe = "Yes: there is nothing to do.",
        NoItWasNot = "No: open the link below to tell us, so that {0} can secure your account.",
        NeverAskPassword = "{0} will never ask for your password by email.",
        WhySent = "You are receiving this email because it concerns the security of your {0} account.",
    };
}
