namespace LoginGuard.Tools.Generation.Devices;

/// <summary>What learners sign in from, with user agents as those clients send them in late 2026's sample window.</summary>
internal static class DeviceCatalogue
{
    private const string WebKit = "AppleWebKit/537.36 (KHTML, like Gecko)";

    // Chrome on Windows is listed twice because it is about half of what desktop learners use.
    public static readonly DeviceKind[] Computers =
    [
        new(FormFactor.Computer, $"Mozilla/5.0 (Windows NT 10.0; Win64; x64) {WebKit} Chrome/{{v}}.0.0.0 Safari/537.36", 130, AutoUpdates: true),
        new(FormFactor.Computer, $"Mozilla/5.0 (Windows NT 10.0; Win64; x64) {WebKit} Chrome/{{v}}.0.0.0 Safari/537.36", 130, AutoUpdates: true),
        new(FormFactor.Computer, $"Mozilla/5.0 (Windows NT 10.0; Win64; x64) {WebKit} Chrome/{{v}}.0.0.0 Safari/537.36 Edg/{{v}}.0.0.0", 130, AutoUpdates: true),
        new(FormFactor.Computer, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0", 131, AutoUpdates: true),
        new(FormFactor.Computer, $"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) {WebKit} Chrome/{{v}}.0.0.0 Safari/537.36", 130, AutoUpdates: true),
        new(FormFactor.Computer, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", 18, AutoUpdates: false),
        new(FormFactor.Computer, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:{v}.0) Gecko/20100101 Firefox/{v}.0", 131, AutoUpdates: true),
    ];

    public static readonly DeviceKind[] Phones =
    [
        new(FormFactor.Phone, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1", 17, AutoUpdates: false),
        new(FormFactor.Phone, "Learnwell/8.4.1 (iPhone; iOS 17.5; Scale/3.00)", 8, AutoUpdates: false, IsApp: true),
        new(FormFactor.Phone, $"Mozilla/5.0 (Linux; Android 10; K) {WebKit} Chrome/{{v}}.0.0.0 Mobile Safari/537.36", 130, AutoUpdates: true),
        new(FormFactor.Phone, $"Mozilla/5.0 (Linux; Android 14; SM-S921B) {WebKit} SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", 26, AutoUpdates: false),
        new(FormFactor.Phone, "Learnwell/8.4.1 (Android 14; Pixel 8)", 8, AutoUpdates: false, IsApp: true),
        new(FormFactor.Phone, "Learnwell/8.4.1 (Android 13; SM-A546B)", 8, AutoUpdates: false, IsApp: true),
    ];

    /// <summary>Phones bought during the sample window: the new-phone scenario signs in from one of these.</summary>
    public static readonly DeviceKind[] NewPhones =
    [
        new(FormFactor.Phone, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", 18, AutoUpdates: false),
        new(FormFactor.Phone, "Learnwell/8.4.1 (iPhone; iOS 18.1; Scale/3.00)", 8, AutoUpdates: false, IsApp: true),
        new(FormFactor.Phone, "Learnwell/8.4.1 (Android 15; Pixel 9)", 8, AutoUpdates: false, IsApp: true),
        new(FormFactor.Phone, $"Mozilla/5.0 (Linux; Android 14; SM-S928B) {WebKit} SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", 26, AutoUpdates: false),
    ];

    public static readonly DeviceKind[] Tablets =
    [
        new(FormFactor.Tablet, "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1", 17, AutoUpdates: false),
        new(FormFactor.Tablet, "Learnwell/8.4.1 (iPad; iOS 17.5; Scale/2.00)", 8, AutoUpdates: false, IsApp: true),
    ];

    /// <summary>Clients attackers script: libraries, headless browsers, and nothing that keeps a device cookie.</summary>
    public static readonly string[] BotAgents =
    [
        "python-requests/2.32.3",
        "curl/8.7.1",
        "Go-http-client/1.1",
        $"Mozilla/5.0 (X11; Linux x86_64) {WebKit} HeadlessChrome/130.0.0.0 Safari/537.36",
        "okhttp/4.12.0",
    ];
}
