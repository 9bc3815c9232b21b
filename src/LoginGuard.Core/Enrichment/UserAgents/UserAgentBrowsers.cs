using static LoginGuard.Enrichment.UserAgents.UserAgentFamilies;

using LoginGuard.Contracts;

namespace LoginGuard.Enrichment.UserAgents;

/// <summary>Names the browser of a user agent from an ordered table of tokens.</summary>
/// <remarks>
/// Order is the whole trick: nearly every browser also sends "Chrome/" or "Safari/" for compatibility, so
/// the tokens only one product sends come first and the generic engines last.
/// </remarks>
internal static class UserAgentBrowsers
{
    /// <param name="Token">Present only in this browser's user agents.</param>
    /// <param name="Family">The name it is given.</param>
    /// <param name="VersionToken">The token its major version follows; null when it sends none worth reading.</param>
    /// <param name="Also">A second token the user agent must carry, when one alone would be ambiguous.</param>
    private sealed record Rule(string Token, string Family, string? VersionToken, string? Also = null);

    private static readonly Rule[] Rules =
    [
        // In-app browsers embed a WebView or Safari view, so their own token must win over the engine's.
        new("FBAV/", "Facebook", "FBAV/"),
        new("Instagram ", "Instagram", "Instagram "),
        new("BytedanceWebview", "TikTok", null),
        new("musical_ly", "TikTok", null),
        new("LinkedInApp", "LinkedIn", "[LinkedInApp]/"),
        new("Snapchat/", "Snapchat", "Snapchat/"),
        new("GSA/", "Google", "GSA/"),

        new("SamsungBrowser/", SamsungInternet, "SamsungBrowser/"),
        new("EdgA/", Edge, "EdgA/"),
        new("EdgiOS/", Edge, "EdgiOS/"),
        new("Edg/", Edge, "Edg/"),
        new("Edge/", Edge, "Edge/"),
        new("OPR/", Opera, "OPR/"),
        new("OPiOS/", Opera, "OPiOS/"),
        new("YaBrowser/", "Yandex Browser", "YaBrowser/"),
        new("Vivaldi/", "Vivaldi", "Vivaldi/"),
        new("DuckDuckGo/", "DuckDuckGo", "DuckDuckGo/"),
        new("UCBrowser/", "UC Browser", "UCBrowser/"),
        new("CriOS/", Chrome, "CriOS/"),
        new("FxiOS/", Firefox, "FxiOS/"),
        new("Firefox/", Firefox, "Firefox/"),

        // "; wv)" is how Android marks an app's embedded view; it also sends "Chrome/", so it goes before Chrome.
        new("; wv)", AndroidWebView, "Chrome/"),
        new("Chrome/", Chrome, "Chrome/"),
        new("Chromium/", "Chromium", "Chromium/"),
        new("MSIE ", "Internet Explorer", "MSIE "),
        new("Trident/", "Internet Explorer", "rv:"),

        // Android's pre-Chrome stock browser sends "Version/... Safari/" like Safari does; an app's own HTTP
        // stack (Dalvik) sends Android without "Safari/" and is no browser at all.
        new("Android", "Android Browser", "Version/", Also: "Safari/"),
        new("Safari/", Safari, "Version/"),

        // An iOS app's WKWebView sends the WebKit tokens but no "Safari/".
        new("Mobile/", IosWebView, null),
    ];

    public static (string Family, int? Major) Detect(ReadOnlySpan<char> userAgent)
    {
        foreach (var rule in Rules)
        {
            if (userAgent.Contains(rule.Token, StringComparison.Ordinal)
                && (rule.Also is null || userAgent.Contains(rule.Also, StringComparison.Ordinal)))
            {
                var major = rule.VersionToken is null ? null : UserAgentTokens.MajorAfter(userAgent, rule.VersionToken);
                return (rule.Family, major);
            }
        }

        return (UserAgentInfo.UnknownFamily, null);
    }
}
