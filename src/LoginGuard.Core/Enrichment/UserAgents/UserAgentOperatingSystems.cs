using static LoginGuard.Enrichment.UserAgents.UserAgentFamilies;

using LoginGuard.Contracts;

namespace LoginGuard.Enrichment.UserAgents;

/// <summary>Names the operating system a user agent claims, and its major version where one is sent.</summary>
/// <remarks>
/// Versions are what the user agent says, which browsers now freeze for privacy: Windows 11 sends
/// "Windows NT 10.0" (so it reads as 10), every macOS since 10.15 sends "Mac OS X 10_15_7" (so it reads as
/// 10), Chrome on Android sends "Android 10; K" whatever the release, and Safari on iOS 26 sends 18.
/// ChromeOS sends a platform build number, not a release, so it gets no version.
/// An iPad whose Safari asks for desktop sites sends a Mac user agent and is read as macOS: nothing in it
/// tells them apart.
/// </remarks>
internal static class UserAgentOperatingSystems
{
    private delegate int? MajorReader(ReadOnlySpan<char> userAgent);

    /// <param name="Token">Present only when the user agent claims this system.</param>
    /// <param name="Family">The name it is given.</param>
    /// <param name="Major">Reads the major version; null when none is sent.</param>
    private sealed record Rule(string Token, string Family, MajorReader Major);

    private const string WindowsNt = "Windows NT ";

    // Checked in order: iOS user agents say "like Mac OS X", Android and ChromeOS ones say "Linux".
    private static readonly Rule[] Rules =
    [
        new("Windows", UserAgentFamilies.Windows, WindowsMajor),
        new("iPad", IPadOs, ua => FirstMajor(ua, "CPU OS ", "iPadOS ", "iOS ")),
        new("iPhone", Ios, ua => FirstMajor(ua, "iPhone OS ", "iOS ")),
        new("iPod", Ios, ua => FirstMajor(ua, "iPhone OS ", "iOS ")),
        new("Android", Android, ua => UserAgentTokens.MajorAfter(ua, "Android ")),
        new("CrOS", ChromeOs, _ => null),
        new("Macintosh", MacOs, ua => UserAgentTokens.MajorAfter(ua, "Mac OS X ")),
        new("Linux", Linux, _ => null),
    ];

    public static (string Family, int? Major) Detect(ReadOnlySpan<char> userAgent)
    {
        foreach (var rule in Rules)
        {
            if (userAgent.Contains(rule.Token, StringComparison.Ordinal))
            {
                return (rule.Family, rule.Major(userAgent));
            }
        }

        return (UserAgentInfo.UnknownFamily, null);
    }

    private static int? FirstMajor(ReadOnlySpan<char> userAgent, params ReadOnlySpan<string> tokens)
    {
        foreach (var token in tokens)
        {
            if (UserAgentTokens.MajorAfter(userAgent, token) is { } major)
            {
                return major;
            }
        }

        return null;
    }

    // NT kernel versions are not the marketing names people know; Vista and older get no number.
    private static int? WindowsMajor(ReadOnlySpan<char> userAgent)
    {
        var at = userAgent.IndexOf(WindowsNt, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var version = userAgent[(at + WindowsNt.Length)..];
        return version switch
        {
            _ when version.StartsWith("10.0", StringComparison.Ordinal) => 10,
            _ when version.StartsWith("6.3", StringComparison.Ordinal) => 8,
            _ when version.StartsWith("6.2", StringComparison.Ordinal) => 8,
            _ when version.StartsWith("6.1", StringComparison.Ordinal) => 7,
            _ => null,
        };
    }
}
