using static LoginGuard.Enrichment.UserAgents.UserAgentFamilies;

using LoginGuard.Contracts;

namespace LoginGuard.Enrichment.UserAgents;

/// <summary>
/// Says what a device is in words a learner recognises, written to follow "a sign-in from":
/// "Chrome 131 on Windows", "Safari on iPhone", "Learnwell app on Android", "an unknown device".
/// </summary>
internal static class UserAgentDescriber
{
    public static string Describe(UserAgentInfo agent)
    {
        if (agent.DeviceType == DeviceType.Bot)
        {
            return agent.BrowserFamily == UserAgentInfo.UnknownFamily
                ? "an automated tool"
                : $"an automated tool ({agent.BrowserFamily})";
        }

        var client = ClientOf(agent);
        var place = PlaceOf(agent);
        return (client, place) switch
        {
            (null, null) => "an unknown device",
            (null, _) => $"an unknown browser on {place}",
            (_, null) => client,
            _ => $"{client} on {place}",
        };
    }

    // Versions help only where people know them: Safari's follows iOS, and apps update themselves.
    private static string? ClientOf(UserAgentInfo agent) => agent.BrowserFamily switch
    {
        UserAgentInfo.UnknownFamily => null,
        _ when agent.DeviceType == DeviceType.App => agent.BrowserFamily,
        _ when IsWebView(agent.BrowserFamily) => "an in-app browser",
        _ when InAppBrowsers.Contains(agent.BrowserFamily) => $"{agent.BrowserFamily} app",
        Safari when agent.OsFamily is Ios or IPadOs => Safari,
        _ when agent.BrowserMajor is { } major => $"{agent.BrowserFamily} {major}",
        _ => agent.BrowserFamily,
    };

    private static string? PlaceOf(UserAgentInfo agent) => agent.OsFamily switch
    {
        UserAgentInfo.UnknownFamily => null,
        Ios => "iPhone",
        IPadOs => "iPad",
        Android when agent.DeviceType == DeviceType.Tablet => "Android tablet",
        _ => agent.OsFamily,
    };
}
