namespace LoginGuard.Enrichment.UserAgents;

/// <summary>
/// The names <see cref="UserAgentParser"/> gives browsers and systems; state and rules compare on them, so
/// each is spelt once here.
/// </summary>
/// <remarks>
/// A browser keeps one name on every platform ("Chrome" on Windows, Android and iOS alike), because the
/// device type already says whether it is a phone. In-app browsers are named after the app that hosts them
/// ("Facebook"); embedded views that do not say which app hosts them are "Android WebView" or "iOS WebView".
/// Browsers that send another browser's tokens unchanged (Brave, Arc, most Chromium forks) are named after
/// the browser they imitate. Bots keep the name of their product token ("curl", "python-requests").
/// </remarks>
internal static class UserAgentFamilies
{
    public const string Chrome = "Chrome";
    public const string Edge = "Edge";
    public const string Firefox = "Firefox";
    public const string Safari = "Safari";
    public const string SamsungInternet = "Samsung Internet";
    public const string Opera = "Opera";
    public const string AndroidWebView = "Android WebView";
    public const string IosWebView = "iOS WebView";

    public const string Windows = "Windows";
    public const string MacOs = "macOS";
    public const string Ios = "iOS";
    public const string IPadOs = "iPadOS";
    public const string Android = "Android";
    public const string Linux = "Linux";
    public const string ChromeOs = "ChromeOS";

    /// <summary>Apps whose embedded browser names them; people know the app, not the engine inside it.</summary>
    public static readonly IReadOnlySet<string> InAppBrowsers = new HashSet<string>(StringComparer.Ordinal)
    {
        "Facebook", "Instagram", "TikTok", "LinkedIn", "Snapchat", "Google",
    };

    public static bool IsWebView(string family) => family is AndroidWebView or IosWebView;
}
