using LoginGuard.Contracts;
using Microsoft.Extensions.Options;

namespace LoginGuard.Enrichment.UserAgents;

/// <summary>
/// Reads browser, operating system and device type from a user agent. Thread-safe and cheap enough for
/// every event: a cached user agent costs one dictionary lookup, a new one a few vectorised scans.
/// </summary>
/// <remarks>Families are named as <see cref="UserAgentFamilies"/> describes.</remarks>
internal sealed class UserAgentParser
{
    // Real user agents, in-app ones included, stay well under these; longer ones are junk or attacks and
    // must not cost more than a real one, nor fill the cache with large strings.
    private const int MaxParsedLength = 1024;
    private const int MaxCachedLength = 512;

    private readonly UserAgentApps _apps;
    private readonly UserAgentCache? _cache;

    // Read once: app products and cache size are wiring, and a change takes a restart.
    public UserAgentParser(IOptions<EnrichmentOptions> options)
    {
        var settings = options.Value;
        _apps = new UserAgentApps(settings.AppProducts.Count > 0 ? settings.AppProducts : [EnrichmentOptions.DefaultAppProduct]);
        _cache = settings.UserAgentCacheSize > 0 ? new UserAgentCache(settings.UserAgentCacheSize) : null;
    }

    public UserAgentInfo Parse(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return UserAgentInfo.Unknown;
        }

        if (_cache is null || userAgent.Length > MaxCachedLength)
        {
            return ParseUncached(userAgent.AsSpan(0, Math.Min(userAgent.Length, MaxParsedLength)));
        }

        if (!_cache.TryGet(userAgent, out var info))
        {
            info = ParseUncached(userAgent);
            _cache.Add(userAgent, info);
        }

        return info;
    }

    private UserAgentInfo ParseUncached(ReadOnlySpan<char> userAgent)
    {
        var (osFamily, osMajor) = UserAgentOperatingSystems.Detect(userAgent);
        if (_apps.TryDetect(userAgent, out var appFamily, out var appMajor))
        {
            return new UserAgentInfo(appFamily, appMajor, osFamily, osMajor, DeviceType.App);
        }

        if (UserAgentBots.TryDetect(userAgent, out var botFamily, out var botMajor))
        {
            return new UserAgentInfo(botFamily, botMajor, osFamily, osMajor, DeviceType.Bot);
        }

        var (browserFamily, browserMajor) = UserAgentBrowsers.Detect(userAgent);
        if (browserFamily == UserAgentInfo.UnknownFamily && osFamily == UserAgentInfo.UnknownFamily)
        {
            return UserAgentInfo.Unknown;
        }

        return new UserAgentInfo(browserFamily, browserMajor, osFamily, osMajor, UserAgentDevices.TypeOf(userAgent, osFamily, browserFamily));
    }
}
