using System.Text;
using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// An address's or network's failed sign-ins as a sorted set: member <c>eventId␟learner</c>, score the
/// event time in microseconds since 1970. Many learners' events hit one botnet address at once, so the
/// set is changed in place by one script rather than read, recomputed and written back; the script adds a
/// batch's failures one by one and keeps exactly what <see cref="Failures.Add"/> keeps — idempotent by
/// eventId, trimmed to the failure memory behind the newest failure, capped keeping the newest and, among
/// equal times, the smallest eventIds.
/// </summary>
internal sealed class RedisSourceFailures(IConnectionMultiplexer redis)
{
    /// <summary>Event ids hold no control characters, so the unit separator cannot occur inside one and sorts below every character that can.</summary>
    public const char Separator = '\u001f';

    // KEYS[1] the set; ARGV: memory (µs), max, ttl (ms), then score and member of each failure.
    // Lua's own number-to-string conversion keeps 14 digits; scores need 16, hence string.format.
    private const string AddScript = """
        local key, memory, max = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
        for i = 4, #ARGV, 2 do
            local score, member = ARGV[i], ARGV[i + 1]
            if not redis.call('ZSCORE', key, member) then
                local newest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')[2]
                local horizon = math.max(tonumber(score), tonumber(newest or score)) - memory
                redis.call('ZADD', key, score, member)
                redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('(%.0f', horizon))
                local excess = redis.call('ZCARD', key) - max
                if excess > 0 then
                    local boundary = redis.call('ZRANGE', key, excess, excess, 'WITHSCORES')[2]
                    redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. boundary)
                    local keep = max - redis.call('ZCOUNT', key, '(' .. boundary, '+inf')
                    local tied = redis.call('ZRANGEBYSCORE', key, boundary, boundary)
                    for j = keep + 1, #tied do redis.call('ZREM', key, tied[j]) end
                end
            end
        end
        redis.call('PEXPIRE', key, ARGV[3])
        return 1
        """;

    /// <summary>Adds the failures in the order given, in one script call.</summary>
    public Task AddAsync(RedisKey key, IReadOnlyList<FailedAttempt> failures, int max, StateOptions options)
    {
        var memory = options.FailureMemory + options.AllowedLateness;
        var arguments = new RedisValue[3 + (2 * failures.Count)];
        arguments[0] = (long)memory.TotalMicroseconds;
        arguments[1] = max;
        arguments[2] = (long)memory.TotalMilliseconds;
        for (var i = 0; i < failures.Count; i++)
        {
            arguments[3 + (2 * i)] = Microseconds(failures[i].At);
            arguments[4 + (2 * i)] = failures[i].EventId + Separator + failures[i].Key;
        }

        return redis.GetDatabase().ScriptEvaluateAsync(AddScript, [key], arguments);
    }

    /// <summary>The failures at or after <paramref name="from"/>.</summary>
    public async Task<SourceActivity> ReadAsync(RedisKey key, DateTimeOffset from)
    {
        var entries = await redis.GetDatabase().SortedSetRangeByScoreWithScoresAsync(key, from == DateTimeOffset.MinValue ? double.NegativeInfinity : Microseconds(from));
        if (entries.Length == 0)
        {
            return SourceActivity.Empty;
        }

        // Redis orders by time, then by member, which begins with the eventId: reversing the runs of equal
        // times gives the order Failures.Add keeps (newest first, ascending eventIds among ties) without a sort.
        var failures = new List<FailedAttempt>(entries.Length);
        for (var end = entries.Length; end > 0;)
        {
            var start = end - 1;
            while (start > 0 && entries[start - 1].Score == entries[end - 1].Score)
            {
                start--;
            }

            for (var i = start; i < end; i++)
            {
                failures.Add(Parse(entries[i]));
            }

            end = start;
        }

        return new SourceActivity(failures);
    }

    /// <summary>Erasure: removes the learner's failures from these sets, the ones the learner's own index names.</summary>
    public async Task ForgetAsync(IReadOnlyList<RedisKey> sets, string learner, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        foreach (var key in sets)
        {
            // A set holds at most State:MaxSourceFailures members: scanning one is cheap, unlike the keyspace.
            var members = new List<RedisValue>();
            await foreach (var member in database.SortedSetScanAsync(key, $"*{Separator}{learner}", pageSize: 500).WithCancellation(cancellationToken))
            {
                members.Add(member.Element);
            }

            if (members.Count > 0)
            {
                await database.SortedSetRemoveAsync(key, [.. members]).WaitAsync(cancellationToken);
            }
        }
    }

    private static long Microseconds(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static FailedAttempt Parse(SortedSetEntry entry)
    {
        var member = ((ReadOnlyMemory<byte>)entry.Element).Span;
        var split = member.IndexOf((byte)Separator);
        return new FailedAttempt(
            DateTimeOffset.UnixEpoch.AddTicks((long)entry.Score * TimeSpan.TicksPerMicrosecond),
            Encoding.UTF8.GetString(member[(split + 1)..]),
            Encoding.UTF8.GetString(member[..split]));
    }
}
