using LoginGuard.Contracts;
using LoginGuard.Enrichment.UserAgents;

namespace LoginGuard.Core.Tests.Enrichment;

public sealed class UserAgentCacheTests
{
    [Fact]
    public void Never_holds_more_user_agents_than_its_capacity()
    {
        var cache = new UserAgentCache(capacity: 10);

        for (var i = 0; i < 35; i++)
        {
            cache.Add($"agent-{i}", UserAgentInfo.Unknown);
            cache.Count.Should().BeLessThanOrEqualTo(10);
        }
    }

    [Fact]
    public void Returns_what_was_added()
    {
        var cache = new UserAgentCache(capacity: 10);
        var curl = new UserAgentInfo("curl", 8, UserAgentInfo.UnknownFamily, null, DeviceType.Bot);

        cache.Add("curl/8.5.0", curl);

        cache.TryGet("curl/8.5.0", out var found).Should().BeTrue();
        found.Should().BeSameAs(curl);
        cache.TryGet("curl/8.6.0", out _).Should().BeFalse();
    }
}
