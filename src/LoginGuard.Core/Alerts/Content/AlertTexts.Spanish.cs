namespace LoginGuard.Alerts.Content;

internal sealed partial record AlertTexts
{
    public static AlertTexts Spanish { get; } = new()
    {
        Language = "es",
        Greeting = "Hola, {0}:",
        GreetingWithoutName = "Hola:",
        NewDevice = new(
            "Nuevo inicio de sesión en tu cuenta de {0}",
            "Se inició sesión en tu cuenta de {0} desde un dispositivo que no habíamos visto antes.",
            "Si no fuiste tú, abre la aplicación de {0} o escribe tú mismo en tu navegador la dirección que aparece abajo; después cambia tu contraseña y activa la verificación en dos pasos."),
        PasswordChanged = new(
            "Se cambió la contraseña de tu cuenta de {0}",
            "Se cambió la contraseña de tu cuenta de {0}.",
            "Si no fuiste tú, abre la aplicación de {0} o escribe tú mismo en tu navegador la dirección que aparece abajo, elige «¿Olvidaste tu contraseña?» para crear una nueva y activa la verificación en dos pasos."),
        MfaDisabled = new(
            "Se desactivó la verificación en dos pasos de tu cuenta de {0}",
            "Se desactivó la verificación en dos pasos de tu cuenta de {0}.",
            "Si no fuiste tú, abre la aplicación de {0} o escribe tú mismo en tu navegador la dirección que aparece abajo; después cambia tu contraseña y vuelve a activar la verificación en dos pasos."),
        EmailChanged = new(
            "Se cambió el correo electrónico de tu cuenta de {0}",
            "El correo electrónico de tu cuenta de {0} se cambió a esta dirección.",
            "Si no fuiste tú, abre la aplicación de {0} o escribe tú mismo en tu navegador la dirección que aparece abajo; después cambia tu contraseña y vuelve a poner tu propio correo. Si ya no puedes iniciar sesión, contacta con el soporte de {0} desde la página de Ayuda."),
        NewDeviceSummary = new(
            "Nuevos inicios de sesión en tu cuenta de {0}",
            "Se inició sesión en tu cuenta de {0} desde dispositivos que no habíamos visto antes. Los reunimos en un solo correo en lugar de enviarte uno por cada uno ({1} en total).",
            "Si alguno no fuiste tú, abre la aplicación de {0} o escribe tú mismo en tu navegador la dirección que aparece abajo; después cambia tu contraseña y activa la verificación en dos pasos.",
            "Si fuiste tú en todos los casos, no tienes que hacer nada."),
        StolenSession = new(
            "Inicio de sesión inusual en tu cuenta de {0}",
            "Tu cuenta de {0} se usó en uno de tus dispositivos desde un lugar demasiado lejos de tu inicio de sesión anterior como para que alguien haya podido viajar hasta allí en ese tiempo. Puede que otra persona esté usando tu sesión.",
            "Si no fuiste tú, abre la aplicación de {0} o escribe tú mismo en tu navegador la dirección que aparece abajo; después cierra la sesión en todos los dispositivos, cambia tu contraseña y activa la verificación en dos pasos."),
        SuccessAfterFailures = new(
            "Inicio de sesión en tu cuenta de {0} tras varias contraseñas incorrectas",
            "Se inició sesión en tu cuenta de {0} justo después de varios intentos con contraseñas incorrectas.",
            "Si no fuiste tú, abre la aplicación de {0} o escribe tú mismo en tu navegador la dirección que aparece abajo; después cierra la sesión en todos los dispositivos, cambia tu contraseña y activa la verificación en dos pasos."),
        BruteForce = new(
            "Alguien intenta adivinar tu contraseña de {0}",
            "Se probaron muchas contraseñas incorrectas en tu cuenta de {0} en poco tiempo. Puede que alguien esté intentando adivinar tu contraseña. El último intento:",
            "Si no fuiste tú, abre la aplicación de {0} o escribe tú mismo en tu navegador la dirección que aparece abajo; después cambia tu contraseña por una que no uses en ningún otro sitio y activa la verificación en dos pasos.",
            "Si fuiste tú quien probó estas contraseñas, no tienes que hacer nada."),
        EmailChangedToOther = "El correo electrónico de tu cuenta de {0} se cambió a {1}.",
        AccountLabel = "Cuenta",
        DeviceLabel = "Dispositivo",
        TimeLabel = "Fecha y hora",
        PlaceLabel = "Ubicación aproximada",
        IpLabel = "Dirección IP",
        LabelSeparator = ": ",
        IfYou = "Si fuiste tú, no tienes que hacer nada.",
        WasThisYou = "¿Fuiste tú?",
        YesItWasMe = "Sí: no tienes que hacer nada.",
        NoItWasNot = "No: abre el enlace de abajo para decírnoslo y que {0} pueda proteger tu cuenta.",
        NeverAskPassword = "{0} nunca te pedirá tu contraseña por correo electrónico.",
        WhySent = "Recibes este correo porque se refiere a la seguridad de tu cuenta de {0}.",
    };
}
