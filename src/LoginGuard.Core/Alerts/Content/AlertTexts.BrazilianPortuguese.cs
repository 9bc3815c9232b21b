namespace LoginGuard.Alerts.Content;

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
        NewDeviceSummary = new(
            "Novos acessos à sua conta {0}",
            "Sua conta {0} foi acessada de dispositivos que não conhecíamos. Reunimos esses acessos em um único e-mail em vez de enviar um para cada ({1} no total).",
            "Se algum deles não foi você, abra o aplicativo {0} ou digite você mesmo no navegador o endereço abaixo; depois altere sua senha e ative a verificação em duas etapas.",
            "Se foi você em todos eles, não é preciso fazer nada."),
        StolenSession = new(
            "Acesso incomum à sua conta {0}",
            "Sua conta {0} foi usada em um dos seus próprios dispositivos a partir de um lugar longe demais do seu acesso anterior para alguém ter viajado até lá nesse intervalo. Outra pessoa pode estar usando a sua sessão.",
            "Se não foi você, abra o aplicativo {0} ou digite você mesmo no navegador o endereço abaixo; depois saia de todos os dispositivos, altere sua senha e ative a verificação em duas etapas."),
        SuccessAfterFailures = new(
            "Acesso à sua conta {0} depois de várias senhas erradas",
            "Sua conta {0} foi acessada logo depois de várias tentativas com senhas erradas.",
            "Se não foi você, abra o aplicativo {0} ou digite você mesmo no navegador o endereço abaixo; depois saia de todos os dispositivos, altere sua senha e ative a verificação em duas etapas."),
        BruteForce = new(
            "Alguém está tentando adivinhar sua senha da {0}",
            "Muitas senhas erradas foram tentadas na sua conta {0} em pouco tempo. Alguém pode estar tentando adivinhar sua senha. A tentativa mais recente:",
            "Se não foi você, abra o aplicativo {0} ou digite você mesmo no navegador o endereço abaixo; depois altere sua senha por uma que você não use em nenhum outro lugar e ative a verificação em duas etapas.",
            "Se foi você quem tentou essas senhas, não é preciso fazer nada."),
        EmailChangedToOther = "O e-mail da sua conta {0} foi alterado para {1}.",
        AccountLabel = "Conta",
        DeviceLabel = "Dispositivo",
        TimeLabel = "Data e hora",
        PlaceLabel = "Local aproximado",
        IpLabel = "Endereço IP",
        LabelSeparator = ": ",
        IfYou = "Se foi você, não é preciso fazer nada.",
        WasThisYou = "Foi você?",
        YesItWasMe = "Sim: não é preciso fazer nada.",
        NoItWasNot = "Não: abra o link abaixo para nos avisar, e {0} poderá proteger sua conta.",
        NeverAskPassword = "{0} nunca pedirá sua senha por e-mail.",
        WhySent = "Você está recebendo este e-mail porque ele trata da segurança da sua conta {0}.",
    };
}
