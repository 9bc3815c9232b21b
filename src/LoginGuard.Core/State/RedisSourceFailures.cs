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

    // KEYS: sets of one slot; ARGV: memory (µs), max, ttl (ms), then for each set in turn how many failures it gets and
    // the score and member of each. Lua's own number-to-string conversion keeps 14 digits; scores need 16, hence string.format.
    private const string AddScript = """
        local memory, max = tonumber(ARGV[1]), tonumber(ARGV[2])
        local first = 4
        for k = 1, #KEYS do
            local key, last = KEYS[k], first + 2 * tonumber(ARGV[first])
            for i = first + 1, last, 2 do
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
            first = last + 1
        end
        return 1
        """;

    /// <summary>Adds each set's failures in the order given, with one script call per Redis Cluster slot.</summary>
    public Task AddAsync(IReadOnlyList<(RedisKey Key, IReadOnlyList<FailedAttempt> Failures)> sets, int max, StateOptions options)
    {
        var memory = options.FailureMemory + options.AllowedLateness;
        var database = redis.GetDatabase();
        return Task.WhenAll(redis.BySlot(sets, set => set.Key).Select(slot =>
        {
            var arguments = new List<RedisValue>(3 + slot.Sum(set => 1 + (2 * set.Failures.Count))) { (long)memory.TotalMicroseconds, max, (long)memory.TotalMilliseconds };
            foreach (var (_, failures) in slot)
            {
                arguments.Add(failures.Count);
                foreach (var failure in failures)
                {
                    arguments.Add(Microseconds(failure.At));
                    arguments.Add(failure.EventId + Separator + failure.Key);
                }
            }

            return database.ScriptEvaluateAsync(AddScript, [.. slot.Select(set => set.Key)], [.. arguments]);
        }));
    }

    /// <summary>
    /// Each set's failures at or after its time, in the order given, one ZRANGEBYSCORE per set, all sent together. Joining
    /// a slot's sets into one string in a script was tried: it saved the worker no more than Redis then spent building
    /// the string in Lua, on the same two cores.
    /// </summary>
    public async Task<SourceActivity[]> ReadAsync(IReadOnlyList<(RedisKey Key, DateTimeOffset From)> sets)
    {
        var database = redis.GetDatabase();
        var entries = await Task.WhenAll(sets.Select(set =>
            database.SortedSetRangeByScoreWithScoresAsync(set.Key, set.From == DateTimeOffset.MinValue ? double.NegativeInfinity : Microseconds(set.From))));
        return [.. entries.Select(Parse)];
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

    private static SourceActivity Parse(SortedSetEntry[] entries)
    {
        if (entries.Length == 0)
        {
            return SourceActivity.Empty;
        }

        // Redis orders by time, then by member, which begins with the eventId: reversing the runs of equal times gives
        // the order Failures.Add keeps (newest first, ascending eventIds among ties) without a sort.
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
