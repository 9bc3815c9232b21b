using System.Buffers;
using LoginGuard.Contracts;

namespace LoginGuard.Enrichment.UserAgents;

/// <summary>Recognises scripts, HTTP libraries, headless browsers and crawlers.</summary>
internal static class UserAgentBots
{
    /// <param name="Token">Matched ignoring case: tools are inconsistent about it ("Python-urllib", "python-requests").</param>
    /// <param name="Family">The name it is given; unknown for the catch-all tokens, which name nothing.</param>
    /// <param name="HasVersion">Whether the token ends where the version starts.</param>
    private sealed record Rule(string Token, string Family, bool HasVersion = true);

    // Named tools before the catch-alls, and each wrapper before the runtime it names in its comment
    // ("Apache-HttpClient/4.5 (Java/17)").
    private static readonly Rule[] Rules =
    [
        new("HeadlessChrome/", "HeadlessChrome"),
        new("PhantomJS/", "PhantomJS"),
        new("Googlebot/", "Googlebot"),
        new("bingbot/", "Bingbot"),
        new("Applebot/", "Applebot"),
        new("facebookexternalhit/", "facebookexternalhit"),
        new("curl/", "curl"),
        new("Wget/", "Wget"),
        new("python-requests/", "python-requests"),
        new("python-httpx/", "python-httpx"),
        new("Python-urllib/", "Python-urllib"),
        new("aiohttp/", "aiohttp"),
        new("Go-http-client/", "Go-http-client"),
        new("okhttp/", "okhttp"),
        new("Apache-HttpClient/", "Apache-HttpClient"),
        new("Java-http-client/", "Java-http-client"),
        new("Java/", "Java"),
        new("PostmanRuntime/", "PostmanRuntime"),
        new("insomnia/", "Insomnia"),
        new("axios/", "axios"),
        new("node-fetch/", "node-fetch"),
        new("libwww-perl/", "libwww-perl"),
        new("Scrapy/", "Scrapy"),
        new("HTTPie/", "HTTPie"),

        // Crawlers that name themselves conventionally; their names are not copied, because a user agent
        // is written by whoever sends it and the family ends up in emails.
        new("bot/", UserAgentInfo.UnknownFamily, HasVersion: false),
        new("crawler", UserAgentInfo.UnknownFamily, HasVersion: false),
        new("spider", UserAgentInfo.UnknownFamily, HasVersion: false),
        new("+http", UserAgentInfo.UnknownFamily, HasVersion: false),
    ];

    // One vectorised pass answers "no bot" for the ordinary browser, so the table is only walked for bots.
    private static readonly SearchValues<string> AnyToken =
        SearchValues.Create(Rules.Select(r => r.Token).ToArray(), StringComparison.OrdinalIgnoreCase);

    public static bool TryDetect(ReadOnlySpan<char> userAgent, out string family, out int? major)
    {
        if (userAgent.IndexOfAny(AnyToken) >= 0)
        {
            foreach (var rule in Rules)
            {
                if (userAgent.Contains(rule.Token, StringComparison.OrdinalIgnoreCase))
                {
                    family = rule.Family;
                    major = rule.HasVersion ? UserAgentTokens.MajorAfter(userAgent, rule.Token, StringComparison.OrdinalIgnoreCase) : null;
                    return true;
                }
            }
        }

        family = UserAgentInfo.UnknownFamily;
        major = null;
        return false;
    }
}
