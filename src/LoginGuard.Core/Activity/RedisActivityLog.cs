using System.Text.Json.Nodes;
using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.Activity;

/// <summary>
/// A learner's activity in two keys under their hash tag: a sorted set of eventIds by event time and a hash of
/// the entries by eventId. One script records a batch's entries, trimming what fell out of the window or over the cap
/// and refreshing both TTLs of each learner, so a batch's writes are one round trip per Redis Cluster slot. What it trims goes in
/// slices of 1,000: Lua's <c>unpack</c> fails past about 8,000 values, which a large <c>Activity:MaxEntries</c>
/// (or a learner back after a month away) reaches, and then every event of that learner would fail alike.
/// </summary>
internal sealed class RedisActivityLog(IConnectionMultiplexer redis, RedisKeys keys, IOptionsMonitor<ActivityOptions> options, TimeProvider clock)
    : IActivityLog, ILearnerData
{
    /// <summary>
    /// KEYS: the index and the entries of each learner in turn, of one slot. ARGV: retention ms, max entries, then the
    /// eventId, event time (unix ms) and entry JSON of each entry.
    /// </summary>
    private const string RecordScript = """
        local retention, max = tonumber(ARGV[1]), tonumber(ARGV[2])
        local a = 3
        for k = 1, #KEYS, 2 do
            local index, kept, id = KEYS[k], KEYS[k + 1], ARGV[a]
            if not redis.call('ZSCORE', index, id) then
                redis.call('ZADD', index, ARGV[a + 1], id)
                redis.call('HSET', kept, id, ARGV[a + 2])
                local newest = tonumber(redis.call('ZRANGE', index, -1, -1, 'WITHSCORES')[2])
                local gone = redis.call('ZRANGEBYSCORE', index, '-inf', '(' .. string.format('%.0f', newest - retention))
                local excess = redis.call('ZCARD', index) - #gone - max
                if excess > 0 then
                    for _, old in ipairs(redis.call('ZRANGE', index, #gone, #gone + excess - 1)) do gone[#gone + 1] = old end
                end
                for first = 1, #gone, 1000 do
                    local last = math.min(first + 999, #gone)
                    redis.call('ZREM', index, unpack(gone, first, last))
                    redis.call('HDEL', kept, unpack(gone, first, last))
                end
                redis.call('PEXPIRE', index, ARGV[1])
                redis.call('PEXPIRE', kept, ARGV[1])
            end
            a = a + 3
        end
        return 1
        """;

    /// <summary>
    /// One script call per Redis Cluster slot (StackExchange.Redis sends EVALSHA once it knows the script, and EVAL again
    /// after NOSCRIPT): on a single server, one call for a whole batch.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<(string Learner, ActivityEntry Entry)> entries, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var database = redis.GetDatabase();
        await Task.WhenAll(redis.BySlot(entries, e => keys.ActivityIndex(e.Learner)).Select(slot => database.ScriptEvaluateAsync(
                RecordScript,
                [.. slot.SelectMany(e => new[] { keys.ActivityIndex(e.Learner), keys.ActivityEntries(e.Learner) })],
                [
                    (long)settings.Retention.TotalMilliseconds, settings.MaxEntries,
                    .. slot.SelectMany(e => new RedisValue[] { e.Entry.EventId, e.Entry.Score, ActivityJson.Serialize(e.Entry) }),
                ])))
            .WaitAsync(cancellationToken);
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
