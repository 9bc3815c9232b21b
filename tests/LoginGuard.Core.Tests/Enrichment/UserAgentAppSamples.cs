namespace LoginGuard.Core.Tests.Enrichment;

/// <summary>
/// Real user agents of apps (in-app browsers, embedded views, the platform's own apps) and of bots:
/// user agent, browser, major, system, system major, device type.
/// </summary>
public static class UserAgentAppSamples
{
    public static TheoryData<string, string, int?, string, int?, string> All => new()
    {
        // Embedded views that do not say which app hosts them
        { "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A.240205.004; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36", "Android WebView", 131, "Android", 14, "Mobile" },
        { "Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.210 Mobile Safari/537.36", "Android WebView", 120, "Android", 13, "Mobile" },
        { "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148", "iOS WebView", null, "iOS", 17, "Mobile" },

        // In-app browsers
        { "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.41.106;FBBV/620000000;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBRV/0]", "Facebook", 470, "iOS", 17, "Mobile" },
        { "Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/489.0.0.66.81;]", "Facebook", 489, "Android", 14, "Mobile" },
        { "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 334.0.4.32.98 (iPhone15,2; iOS 17_5; en_US; en; scale=3.00; 1179x2556; 606668384)", "Instagram", 334, "iOS", 17, "Mobile" },
        { "Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.43 Mobile Safari/537.36 Instagram 311.0.0.32.118 Android (33/13; 420dpi; 1080x2400; Google/google; Pixel 7; panther; panther; en_US; 545986883)", "Instagram", 311, "Android", 13, "Mobile" },
        { "Mozilla/5.0 (Linux; Android 12; SM-G991B Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 trill_2023208030 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/trill app_version/32.8.3 ByteLocale/en ByteFullLocale/en Region/GB BytedanceWebview/d8a21c6", "TikTok", null, "Android", 12, "Mobile" },
        { "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 musical_ly_34.8.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US RevealType/Dialog isDarkMode/0 WKWebView/1 BytedanceWebview/d8a21c6", "TikTok", null, "iOS", 17, "Mobile" },
        { "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.30.1236", "LinkedIn", 9, "iOS", 17, "Mobile" },
        { "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Snapchat/13.1.0.35 (like Safari/8618.2.12.10.8, panda)", "Snapchat", 13, "iOS", 17, "Mobile" },
        { "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/343.0.695551749 Mobile/15E148 Safari/604.1", "Google", 343, "iOS", 17, "Mobile" },

        // The platform's own apps
        { "Learnwell/8.4.1 (iPhone; iOS 17.5; Scale/3.00)", "Learnwell app", 8, "iOS", 17, "App" },
        { "Learnwell/8.4.1 (Android 14; Pixel 8)", "Learnwell app", 8, "Android", 14, "App" },
        { "Learnwell/8.3.0 (iPad; iPadOS 17.4; Scale/2.00)", "Learnwell app", 8, "iPadOS", 17, "App" },
        { "Learnwell/7.12.0 (Android 11; SM-A125F)", "Learnwell app", 7, "Android", 11, "App" },

        // Scripts, HTTP libraries, headless browsers and crawlers
        { "curl/8.5.0", "curl", 8, "Unknown", null, "Bot" },
        { "python-requests/2.31.0", "python-requests", 2, "Unknown", null, "Bot" },
        { "Python-urllib/3.11", "Python-urllib", 3, "Unknown", null, "Bot" },
        { "Go-http-client/1.1", "Go-http-client", 1, "Unknown", null, "Bot" },
        { "Go-http-client/2.0", "Go-http-client", 2, "Unknown", null, "Bot" },
        { "Wget/1.21.4", "Wget", 1, "Unknown", null, "Bot" },
        { "okhttp/4.12.0", "okhttp", 4, "Unknown", null, "Bot" },
        { "Java-http-client/17.0.9", "Java-http-client", 17, "Unknown", null, "Bot" },
        { "Apache-HttpClient/4.5.14 (Java/17.0.9)", "Apache-HttpClient", 4, "Unknown", null, "Bot" },
        { "PostmanRuntime/7.39.0", "PostmanRuntime", 7, "Unknown", null, "Bot" },
        { "axios/1.6.8", "axios", 1, "Unknown", null, "Bot" },
        { "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "HeadlessChrome", 131, "Linux", null, "Bot" },
        { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.28 Safari/537.36", "HeadlessChrome", 120, "Windows", 10, "Bot" },
        { "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Googlebot", 2, "Unknown", null, "Bot" },
        { "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Googlebot", 2, "Android", 6, "Bot" },
        { "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "Bingbot", 2, "Unknown", null, "Bot" },
        { "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", "Unknown", null, "Unknown", null, "Bot" },
    };
}
