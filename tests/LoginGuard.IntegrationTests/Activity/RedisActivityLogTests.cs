using LoginGuard.Activity;
using LoginGuard.Core.Tests.Support;
using LoginGuard.IntegrationTests.Alerts;
using LoginGuard.State;

namespace LoginGuard.IntegrationTests.Activity;

public sealed class RedisActivityLogTests(RedisFixture redis) : ActivityLogContract, IClassFixture<RedisFixture>
{
    private readonly string prefix = RedisFixture.NewPrefix();

    internal override IActivityLog CreateLog() =>
        new RedisActivityLog(redis.Connection, new RedisKeys(prefix), new StaticOptionsMonitor<ActivityOptions>(Options), Clock);

    [Fact]
    public async Task Keeps_activity_under_the_learners_hash_tag_and_lets_it_expire_with_the_retention()
    {
        await CreateLog().RecordAsync("ana", Entry("e1", Now), default);

        var keys = redis.Connection.GetServers()[0].Keys(pattern: prefix + "*").Select(k => (string)k!).ToList();
        keys.Should().BeEquivalentTo([$"{prefix}{{u:ana}}:a", $"{prefix}{{u:ana}}:ae"]);
        foreach (var key in keys)
        {
            var ttl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(key);
            ttl.Should().BeCloseTo(Options.Retention, TimeSpan.FromMinutes(1));
        }
    }
}
