using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.State;

/// <summary>
/// What the store's writes rely on, on a single server (one script call) and on a Redis Cluster (a call per slot and
/// phase): every call runs with its own keys and values, and a call that fails leaves the phases before it written and
/// none after it.
/// </summary>
public abstract class RedisScriptPhasesContract
{
    private protected static readonly RedisScript Set = new("set_each", """
        for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[i]) end
        return #KEYS
        """);

    // Raises, as a failed redis.call does, on a key that holds no number.
    private static readonly RedisScript Increment = new("increment", "return redis.call('INCR', KEYS[1])");

    private static readonly RedisScript Echo = new("echo", "return { KEYS[1], ARGV[1], #KEYS, #ARGV }");

    private readonly string prefix = RedisFixture.NewPrefix();

    internal abstract IConnectionMultiplexer Redis { get; }

    [Fact]
    public async Task Each_call_gets_the_reply_to_its_own_keys_and_values()
    {
        var replies = new Dictionary<string, RedisResult>();
        var calls = new[] { "a", "b", "c" }
            .Select((tag, i) => new RedisScriptCall(Echo, [Key(tag, "1"), Key(tag, "2")], [$"value-{tag}", .. Enumerable.Repeat((RedisValue)"x", i)], reply => replies[tag] = reply))
            .ToList();

        await Phases().RunAsync([calls.Take(1).ToList(), calls.Skip(1).ToList()]);

        foreach (var (tag, i) in new[] { ("a", 0), ("b", 1), ("c", 2) })
        {
            var reply = (RedisResult[])replies[tag]!;
            ((string?)reply[0]).Should().Be(Key(tag, "1").ToString());
            ((string?)reply[1]).Should().Be($"value-{tag}");
            ((int)reply[2]).Should().Be(2);
            ((int)reply[3]).Should().Be(1 + i);
        }
    }

    [Fact]
    public async Task A_failed_write_keeps_the_phases_before_it_and_stops_the_ones_after()
    {
        var database = Redis.GetDatabase();
        await database.StringSetAsync(Key("b", "count"), "not a number");
        var phases = Phases();

        var run = () => phases.RunAsync(
        [
            [new RedisScriptCall(Set, [Key("a", "first")], ["written"], _ => { })],
            [new RedisScriptCall(Increment, [Key("b", "count")], [], _ => { })],
            [new RedisScriptCall(Set, [Key("c", "last")], ["written"], _ => { })],
        ]);

        await run.Should().ThrowAsync<RedisServerException>();
        ((string?)await database.StringGetAsync(Key("a", "first"))).Should().Be("written");
        (await database.KeyExistsAsync(Key("c", "last"))).Should().BeFalse();
    }

    private RedisScriptPhases Phases() => new(Redis, Set, Increment, Echo);

    /// <summary>Keys of different hash tags, which a Redis Cluster puts in different slots.</summary>
    private RedisKey Key(string tag, string name) => $"{prefix}{{{tag}{prefix}}}:{name}";
}

public sealed class RedisScriptPhasesTests(RedisFixture redis) : RedisScriptPhasesContract, IClassFixture<RedisFixture>
{
    internal override IConnectionMultiplexer Redis => redis.Connection;

    [Fact]
    public async Task A_batch_s_phases_reach_a_single_server_in_one_script_call()
    {
        var phases = new RedisScriptPhases(redis.Connection, Set);
        var prefix = RedisFixture.NewPrefix();
        var before = await ScriptCallsAsync();

        await phases.RunAsync(
        [
            [new RedisScriptCall(Set, [$"{prefix}{{a}}"], ["1"], _ => { }), new RedisScriptCall(Set, [$"{prefix}{{b}}"], ["2"], _ => { })],
            [new RedisScriptCall(Set, [$"{prefix}{{c}}"], ["3"], _ => { })],
        ]);

        (await ScriptCallsAsync() - before).Should().Be(1);
    }

    private async Task<long> ScriptCallsAsync()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration + ",allowAdmin=true");
        var stats = await admin.GetServers()[0].InfoAsync("commandstats");
        return stats.SelectMany(group => group)
            .Where(entry => entry.Key is "cmdstat_eval" or "cmdstat_evalsha")
            .Sum(entry => long.Parse(entry.Value.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
