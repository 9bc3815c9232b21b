using LoginGuard.Activity;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using LoginGuard.Testing;

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

    [Fact]
    public async Task Forgets_more_than_eight_thousand_entries_at_once_when_a_learner_with_a_large_cap_comes_back_after_the_retention()
    {
        var options = new ActivityOptions { Retention = TimeSpan.FromDays(30), MaxEntries = 20_000 };
        var log = new RedisActivityLog(redis.Connection, new RedisKeys(prefix), new StaticOptionsMonitor<ActivityOptions>(options), Clock);
        var old = Enumerable.Range(0, 9_000).Select(i => $"old-{i}").ToList();
        var keys = new RedisKeys(prefix);
        var database = redis.Connection.GetDatabase();
        var since = Now.AddDays(-40).ToUnixTimeMilliseconds();
        await database.SortedSetAddAsync(keys.ActivityIndex("ana"), old.Select((id, i) => new StackExchange.Redis.SortedSetEntry(id, since + i)).ToArray());
        await database.HashSetAsync(keys.ActivityEntries("ana"), old.Select(id => new StackExchange.Redis.HashEntry(id, "{}")).ToArray());

        await log.RecordAsync("ana", Entry("back", Now), default);

        (await log.ReadAsync("ana", default)).Select(e => e.EventId).Should().Equal("back");
        (await database.SortedSetLengthAsync(keys.ActivityIndex("ana"))).Should().Be(1);
        (await database.HashLengthAsync(keys.ActivityEntries("ana"))).Should().Be(1);
    }
}
