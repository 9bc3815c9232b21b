using LoginGuard.Contracts;

namespace LoginGuard.Enrichment.UserAgents;

/// <summary>
/// Recognises the platform's own apps, which put their product token first (<c>Learnwell/8.4.1 (...)</c>)
/// and are named "&lt;product&gt; app" with the app's major version.
/// </summary>
internal sealed class UserAgentApps
{
    private readonly (string Prefix, string Family)[] _products;

    public UserAgentApps(IEnumerable<string> products) =>
        _products = [.. products.Select(p => (p + "/", p + " app"))];

    public bool TryDetect(ReadOnlySpan<char> userAgent, out string family, out int? major)
    {
        foreach (var (prefix, name) in _products)
        {
            if (userAgent.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                family = name;
                major = UserAgentTokens.LeadingNumber(userAgent[prefix.Length..]);
                return true;
            }
        }

        family = UserAgentInfo.UnknownFamily;
        major = null;
        return false;
    }
}
