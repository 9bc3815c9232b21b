namespace LoginGuard.Alerts;

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
        EmailChangedToOther = "The email address of your {0} account was changed to {1}.",
        DeviceLabel = "Device",
        TimeLabel = "When",
        PlaceLabel = "Approximate location",
        IpLabel = "IP address",
        OtherSignInsLabel = "Other new sign-ins",
        OtherSignInsValue = "{0} since {1}",
        LabelSeparator = ": ",
        IfYou = "If this was you, there is nothing to do.",
        NeverAskPassword = "{0} will never ask for your password by email.",
        WhySent = "You are receiving this email because it concerns the security of your {0} account.",
    };
}
