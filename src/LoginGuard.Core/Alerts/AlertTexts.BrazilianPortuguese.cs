namespace LoginGuard.Alerts;

internal sealed partial record AlertTexts
{
    public static AlertTexts BrazilianPortuguese { get; } = new()
    {
        Language = "pt-BR",
        Greeting = "Olá, {0},",
        GreetingWithoutName = "Olá,",
        NewDevice = new(
            "Novo acesso à sua conta {0}",
            "Sua conta {0} foi acessada de um dispositivo que ainda não conhecíamos.",
            "Se não foi você, abra o aplicativo {0} ou digite você mesmo no navegador o endereço abaixo; depois altere sua senha e ative a verificação em duas etapas."),
        PasswordChanged = new(
            "A senha da sua conta {0} foi alterada",
            "A senha da sua conta {0} foi alterada.",
            "Se não foi você, abra o aplicativo {0} ou digite você mesmo no navegador o endereço abaixo, escolha “Esqueci minha senha” para criar uma nova e ative a verificação em duas etapas."),
        MfaDisabled = new(
            "A verificação em duas etapas foi desativada na sua conta {0}",
            "A verificação em duas etapas foi desativada na sua conta {0}.",
            "Se não foi você, abra o aplicativo {0} ou digite você mesmo no navegador o endereço abaixo; depois altere sua senha e ative novamente a verificação em duas etapas."),
        EmailChanged = new(
            "O e-mail da sua conta {0} foi alterado",
            "O e-mail da sua conta {0} foi alterado para este endereço.",
            "Se não foi você, abra o aplicativo {0} ou digite você mesmo no navegador o endereço abaixo; depois altere sua senha e coloque de volta o seu próprio e-mail. Se não conseguir mais entrar, fale com o suporte {0} pela página de Ajuda."),
        EmailChangedToOther = "O e-mail da sua conta {0} foi alterado para {1}.",
        DeviceLabel = "Dispositivo",
        TimeLabel = "Data e hora",
        PlaceLabel = "Local aproximado",
        IpLabel = "Endereço IP",
        OtherSignInsLabel = "Outros acessos novos",
        OtherSignInsValue = "{0} desde {1}",
        LabelSeparator = ": ",
        IfYou = "Se foi você, não é preciso fazer nada.",
        NeverAskPassword = "{0} nunca pedirá sua senha por e-mail.",
        WhySent = "Você está recebendo este e-mail porque ele trata da segurança da sua conta {0}.",
    };
}
