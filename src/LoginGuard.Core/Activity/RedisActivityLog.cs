using LoginGuard.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.Activity;

/// <summary>
/// A learner's activity in two keys under their hash tag: a sorted set of eventIds by event time and a hash of
/// the entries by eventId. One script records an entry, trims what fell out of the window or over the cap and
/// refreshes both TTLs, so a write is one round trip and can join a pipelined batch.
/// </summary>
internal sealed class RedisActivityLog(IConnectionMultiplexer redis, RedisKeys keys, IOptionsMonitor<ActivityOptions> options, TimeProvider clock)
    : IActivityLog
{
    private const string RecordScript = """
        if redis.call('ZSCORE', @index, @eventId) then return 0 end
        redis.call('ZADD', @index, @score, @eventId)
        redis.call('HSET', @entries, @eventId, @entry)
        local newest = tonumber(redis.call('ZRANGE', @index, -1, -1, 'WITHSCORES')[2])
        local gone = redis.call('ZRANGEBYSCORE', @index, '-inf', '(' .. string.format('%.0f', newest - tonumber(@retention)))
        local excess = redis.call('ZCARD', @index) - #gone - tonumber(@max)
        if excess > 0 then
            for _, id in ipairs(redis.call('ZRANGE', @index, #gone, #gone + excess - 1)) do gone[#gone + 1] = id end
        end
        if #gone > 0 then
            redis.call('ZREM', @index, unpack(gone))
            redis.call('HDEL', @entries, unpack(gone))
        end
        redis.call('PEXPIRE', @index, @retention)
        redis.call('PEXPIRE', @entries, @retention)
        return 1
        """;

    private readonly RedisScript record = new(redis, RecordScript);

    public async Task RecordAsync(string learner, ActivityEntry entry, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        await record.EvaluateAsync(new
        {
            index = keys.ActivityIndex(learner),
            entries = keys.ActivityEntries(learner),
            eventId = (RedisValue)entry.EventId,
            score = (RedisValue)entry.Score,
            entry = (RedisValue)ActivityJson.Serialize(entry),
            retention = (RedisValue)(long)settings.Retention.TotalMilliseconds,
            max = (RedisValue)settings.MaxEntries,
        }).WaitAsync(cancellationToken);
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
}
