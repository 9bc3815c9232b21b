using System.Globalization;

namespace LoginGuard.Enrichment.UserAgents;

/// <summary>Reads version numbers that follow a token, without allocating.</summary>
internal static class UserAgentTokens
{
    // Nine digits always fit an int; anything longer is a build number, not a major version.
    private const int MaxDigits = 9;

    public static int? MajorAfter(ReadOnlySpan<char> userAgent, string token, StringComparison comparison = StringComparison.Ordinal)
    {
        var at = userAgent.IndexOf(token, comparison);
        return at < 0 ? null : LeadingNumber(userAgent[(at + token.Length)..]);
    }

    public static int? LeadingNumber(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits is 0 or > MaxDigits ? null : int.Parse(text[..digits], CultureInfo.InvariantCulture);
    }
}
