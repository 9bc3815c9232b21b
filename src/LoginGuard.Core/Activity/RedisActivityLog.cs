using System.Text.Json.Nodes;
using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.Activity;

/// <summary>
/// A learner's activity in two keys under their hash tag: a sorted set of eventIds by event time and a hash of
/// the entries by eventId. One script records an entry, trims what fell out of the window or over the cap and
/// refreshes both TTLs, so a write is one round trip and can join a pipelined batch. What it trims goes in
/// slices of 1,000: Lua's <c>unpack</c> fails past about 8,000 values, which a large <c>Activity:MaxEntries</c>
/// (or a learner back after a month away) reaches, and then every event of that learner would fail alike.
/// </summary>
internal sealed class RedisActivityLog(IConnectionMultiplexer redis, RedisKeys keys, IOptionsMonitor<ActivityOptions> options, TimeProvider clock)
    : IActivityLog, ILearnerData
{
    /// <summary>KEYS: index, entries. ARGV: eventId, event time (unix ms), entry JSON, retention ms, max entries.</summary>
    private const string RecordScript = """
        if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
        local newest = tonumber(redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
        local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. string.format('%.0f', newest - tonumber(ARGV[4])))
        local excess = redis.call('ZCARD', KEYS[1]) - #gone - tonumber(ARGV[5])
        if excess > 0 then
            for _, id in ipairs(redis.call('ZRANGE', KEYS[1], #gone, #gone + excess - 1)) do gone[#gone + 1] = id end
        end
        for first = 1, #gone, 1000 do
            local last = math.min(first + 999, #gone)
            redis.call('ZREM', KEYS[1], unpack(gone, first, last))
            redis.call('HDEL', KEYS[2], unpack(gone, first, last))
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        redis.call('PEXPIRE', KEYS[2], ARGV[4])
        return 1
        """;

    /// <summary>One round trip (StackExchange.Redis sends EVALSHA once it knows the script, and EVAL again after NOSCRIPT), so it can join a pipelined batch.</summary>
    public async Task RecordAsync(string learner, ActivityEntry entry, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        await redis.GetDatabase().ScriptEvaluateAsync(
            RecordScript,
            [keys.ActivityIndex(learner), keys.ActivityEntries(learner)],
            [entry.EventId, entry.Score, ActivityJson.Serialize(entry), (long)settings.Retention.TotalMilliseconds, settings.MaxEntries]).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ActivityEntry>> ReadAsync(string learner, CancellationToken cancellationToken)
    {
        var horizon = (clock.GetUtcNow() - options.CurrentValue.Retention).ToUnixTimeMilliseconds();
        var database = redis.GetDatabase();
        var ids = await database.SortedSetRangeByScoreAsync(keys.ActivityIndex(learner), horizon, double.PositiveInfinity, order: Order.Descending)
            .WaitAsync(cancellationToken);
        if (ids.Length == 0)
        {
            return [];
        }

        var entries = await database.HashGetAsync(keys.ActivityEntries(learner), ids).WaitAsync(cancellationToken);
        return [.. entries.Where(e => !e.IsNull).Select(e => ActivityJson.Deserialize(e!))];
    }

    public Task ForgetAsync(string learner, CancellationToken cancellationToken) =>
        redis.GetDatabase().KeyDeleteAsync([keys.ActivityIndex(learner), keys.ActivityEntries(learner)]).WaitAsync(cancellationToken);

    /// <summary>Its entries name the learner's events and the mails they owed, through which other stores find their part.</summary>
    public bool ForgetsLast => true;

    /// <summary>Every entry still kept, whether or not it is older than the retention the learner is shown.</summary>
    public async Task<LearnerMentions> MentionsAsync(DataSubject learner, CancellationToken cancellationToken)
    {
        var entries = (await redis.GetDatabase().HashValuesAsync(keys.ActivityEntries(learner.Learner)).WaitAsync(cancellationToken))
            .Select(value => ActivityJson.Deserialize(value!))
            .ToList();
        return LearnerMentions.Of(entries.Select(e => e.EventId), entries.SelectMany(e => e.AlertIds));
    }

    public async Task<JsonObject> ExportAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken) =>
        ActivityJson.Export(await ReadAsync(learner.Learner, cancellationToken));

    public Task ForgetAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken) => ForgetAsync(learner.Learner, cancellationToken);
}
