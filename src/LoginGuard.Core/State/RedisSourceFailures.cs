using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// An address's or network's failed sign-ins as a sorted set: member <c>eventId␟learner</c>, score the
/// event time in microseconds since 1970. Many learners' events hit one botnet address at once, so the
/// set is changed in place by one script rather than read, recomputed and written back; the script keeps
/// exactly what <see cref="Failures.Add"/> keeps — idempotent by eventId, trimmed to the failure memory
/// behind the newest failure, capped keeping the newest and, among equal times, the smallest eventIds.
/// </summary>
internal sealed class RedisSourceFailures(IConnectionMultiplexer redis)
{
    /// <summary>Event ids hold no control characters, so the unit separator cannot occur inside one and sorts below every character that can.</summary>
    public const char Separator = '\u001f';

    // Lua's own number-to-string conversion keeps 14 digits; scores need 16, hence string.format.
    private const string AddScript = """
        if redis.call('ZSCORE', @key, @member) then return 0 end
        local newest = redis.call('ZRANGE', @key, -1, -1, 'WITHSCORES')[2]
        local horizon = math.max(tonumber(@score), tonumber(newest or @score)) - tonumber(@memory)
        redis.call('ZADD', @key, @score, @member)
        redis.call('ZREMRANGEBYSCORE', @key, '-inf', string.format('(%.0f', horizon))
        local max = tonumber(@max)
        local excess = redis.call('ZCARD', @key) - max
        if excess > 0 then
            local boundary = redis.call('ZRANGE', @key, excess, excess, 'WITHSCORES')[2]
            redis.call('ZREMRANGEBYSCORE', @key, '-inf', '(' .. boundary)
            local keep = max - redis.call('ZCOUNT', @key, '(' .. boundary, '+inf')
            local tied = redis.call('ZRANGEBYSCORE', @key, boundary, boundary)
            for i = keep + 1, #tied do redis.call('ZREM', @key, tied[i]) end
        end
        redis.call('PEXPIRE', @key, @ttl)
        return 1
        """;

    private readonly RedisScript add = new(redis, AddScript);

    public async Task AddAsync(RedisKey key, FailedAttempt failure, int max, StateOptions options)
    {
        var memory = options.FailureMemory + options.AllowedLateness;
        await add.EvaluateAsync(new
        {
            key,
            member = (RedisValue)(failure.EventId + Separator + failure.Key),
            score = (RedisValue)((failure.At.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond),
            memory = (RedisValue)(long)memory.TotalMicroseconds,
            max = (RedisValue)max,
            ttl = (RedisValue)(long)memory.TotalMilliseconds,
        });
    }

    public async Task<SourceActivity> ReadAsync(RedisKey key)
    {
        var entries = await redis.GetDatabase().SortedSetRangeByRankWithScoresAsync(key, 0, -1, Order.Descending);
        if (entries.Length == 0)
        {
            return SourceActivity.Empty;
        }

        return new SourceActivity(entries
            .Select(entry =>
            {
                var member = (string)entry.Element!;
                var split = member.IndexOf(Separator, StringComparison.Ordinal);
                return new FailedAttempt(DateTimeOffset.UnixEpoch.AddTicks((long)entry.Score * TimeSpan.TicksPerMicrosecond), member[(split + 1)..], member[..split]);
            })
            .OrderByDescending(f => f.At).ThenBy(f => f.EventId, StringComparer.Ordinal)
            .ToList());
    }
}
