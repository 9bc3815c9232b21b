using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.Enrichment.UserAgents;
using Microsoft.Extensions.Options;

namespace LoginGuard.Core.Tests.Enrichment;

public sealed class UserAgentDescriberTests
{
    private readonly UserAgentParser _parser = new(Options.Create(new EnrichmentOptions()));

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome 131 on Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iPad")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari 18 on macOS")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox 128 on Linux")]
    [InlineData("Learnwell/8.4.1 (Android 14; Pixel 8)", "Learnwell app on Android")]
    [InlineData("Learnwell/8.4.1 (iPhone; iOS 17.5; Scale/3.00)", "Learnwell app on iPhone")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", "Samsung Internet 25 on Android")]
    [InlineData("Mozilla/5.0 (Android 13; Tablet; rv:128.0) Gecko/128.0 Firefox/128.0", "Firefox 128 on Android tablet")]
    [InlineData("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome 131 on ChromeOS")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.41.106;FBBV/620000000]", "Facebook app on iPhone")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A.240205.004; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36", "an in-app browser on Android")]
    [InlineData("curl/8.5.0", "an automated tool (curl)")]
    [InlineData("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", "an automated tool")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "an unknown browser on Windows")]
    [InlineData(null, "an unknown device")]
    public void Names_the_device_in_words_that_follow_a_sign_in_from(string? userAgent, string description)
    {
        UserAgentDescriber.Describe(_parser.Parse(userAgent)).Should().Be(description);
    }

    [Fact]
    public void Names_a_browser_without_a_version_when_none_was_sent()
    {
        var agent = new UserAgentInfo("Firefox", null, "Windows", 10, DeviceType.Desktop);

        UserAgentDescriber.Describe(agent).Should().Be("Firefox on Windows");
    }

    [Fact]
    public void Names_a_browser_alone_when_its_system_is_unknown()
    {
        var agent = new UserAgentInfo("Chrome", 131, UserAgentInfo.UnknownFamily, null, DeviceType.Unknown);

        UserAgentDescriber.Describe(agent).Should().Be("Chrome 131");
    }
}
