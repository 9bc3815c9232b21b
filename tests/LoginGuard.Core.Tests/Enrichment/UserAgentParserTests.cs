using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.Enrichment.UserAgents;
using Microsoft.Extensions.Options;

namespace LoginGuard.Core.Tests.Enrichment;

public sealed class UserAgentParserTests
{
    private readonly UserAgentParser _parser = new(Options.Create(new EnrichmentOptions()));

    [Theory]
    [MemberData(nameof(UserAgentBrowserSamples.All), MemberType = typeof(UserAgentBrowserSamples))]
    [MemberData(nameof(UserAgentAppSamples.All), MemberType = typeof(UserAgentAppSamples))]
    public void Recognises_the_browser_os_and_device_of_real_user_agents(
        string userAgent, string browser, int? browserMajor, string os, int? osMajor, string deviceType)
    {
        var expected = new UserAgentInfo(browser, browserMajor, os, osMajor, Enum.Parse<DeviceType>(deviceType));

        _parser.Parse(userAgent).Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mozilla/5.0")]
    [InlineData("-")]
    [InlineData("\u0000\u0001garbage\uFFFF")]
    public void Knows_nothing_about_empty_or_meaningless_user_agents(string? userAgent)
    {
        _parser.Parse(userAgent).Should().BeSameAs(UserAgentInfo.Unknown);
    }

    [Fact]
    public void Names_no_browser_for_an_apps_own_http_stack()
    {
        _parser.Parse("Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/UQ1A.240205.004)").Should()
            .Be(new UserAgentInfo(UserAgentInfo.UnknownFamily, null, "Android", 14, DeviceType.Unknown));
    }

    [Fact]
    public void Reads_the_platform_apps_named_in_configuration_instead_of_the_default()
    {
        var parser = new UserAgentParser(Options.Create(new EnrichmentOptions { AppProducts = ["Studybuddy"] }));

        parser.Parse("Studybuddy/3.2.0 (Android 14; Pixel 8)").Should()
            .Be(new UserAgentInfo("Studybuddy app", 3, "Android", 14, DeviceType.App));
        parser.Parse("Learnwell/8.4.1 (Android 14; Pixel 8)").DeviceType.Should().NotBe(DeviceType.App);
    }

    [Fact]
    public void Gives_the_same_answer_from_the_cache_as_from_a_fresh_parse()
    {
        const string chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
        var uncached = new UserAgentParser(Options.Create(new EnrichmentOptions { UserAgentCacheSize = 0 }));

        var first = _parser.Parse(chrome);

        _parser.Parse(chrome).Should().BeSameAs(first);
        uncached.Parse(chrome).Should().Be(first);
    }

    [Fact]
    public void Parses_an_oversized_user_agent_by_its_beginning_only()
    {
        var padded = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0 " + new string('x', 100_000) + " curl/8.5.0";

        _parser.Parse(padded).Should().Be(new UserAgentInfo("Firefox", 133, "Windows", 10, DeviceType.Desktop));
    }

    [Fact]
    public async Task Parses_safely_from_many_threads_at_once()
    {
        var samples = UserAgentBrowserSamples.All.Select(row => (string)row[0]).ToArray();
        var parser = new UserAgentParser(Options.Create(new EnrichmentOptions { UserAgentCacheSize = 8 }));
        var expected = samples.Select(_parser.Parse).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 500).All(i => parser.Parse(samples[i % samples.Length]) == expected[i % samples.Length]))));

        results.Should().AllSatisfy(allMatched => allMatched.Should().BeTrue());
    }
}
