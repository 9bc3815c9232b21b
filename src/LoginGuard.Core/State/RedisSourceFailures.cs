using System.Buffers.Text;
using System.Globalization;
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

    /// <summary>Joins the members and scores of a set read by <see cref="ReadScript"/>; neither can hold it.</summary>
    private const byte RecordSeparator = 0x1e;

    // KEYS: sets of one slot; ARGV[i]: the earliest score wanted from KEYS[i].
    private const string ReadScript = """
        local sets = {}
        for i = 1, #KEYS do
            sets[i] = table.concat(redis.call('ZRANGEBYSCORE', KEYS[i], ARGV[i], '+inf', 'WITHSCORES'), '\30')
        end
        return sets
        """;

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
    /// Each set's failures at or after its time, in the order given. The sets of one Redis Cluster slot (all of them on
    /// a single server) are read by one script, which returns each set as one string, member and score alternating,
    /// joined by the record separator: one reply per set rather than two per failure for the client to parse.
    /// </summary>
    public async Task<SourceActivity[]> ReadAsync(IReadOnlyList<(RedisKey Key, DateTimeOffset From)> sets)
    {
        var read = new SourceActivity[sets.Count];
        var database = redis.GetDatabase();
        await Task.WhenAll(redis.BySlot(Enumerable.Range(0, sets.Count), i => sets[i].Key).Select(async indexes =>
        {
            var replies = (RedisValue[])(await database.ScriptEvaluateAsync(
                ReadScript,
                [.. indexes.Select(i => sets[i].Key)],
                [.. indexes.Select(i => sets[i].From == DateTimeOffset.MinValue ? (RedisValue)"-inf" : Microseconds(sets[i].From))]))!;
            for (var j = 0; j < indexes.Length; j++)
            {
                read[indexes[j]] = Parse(((ReadOnlyMemory<byte>)replies[j]).Span);
            }
        }));
        return read;
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

    private static SourceActivity Parse(ReadOnlySpan<byte> reply)
    {
        if (reply.IsEmpty)
        {
            return SourceActivity.Empty;
        }

        var ascending = new List<FailedAttempt>();
        var rest = reply;
        while (!rest.IsEmpty)
        {
            var member = Next(ref rest);
            var split = member.IndexOf((byte)Separator);
            ascending.Add(new FailedAttempt(
                DateTimeOffset.UnixEpoch.AddTicks(ParseMicroseconds(Next(ref rest)) * TimeSpan.TicksPerMicrosecond),
                Encoding.UTF8.GetString(member[(split + 1)..]),
                Encoding.UTF8.GetString(member[..split])));
        }

        // Redis orders by time, then by member, which begins with the eventId: reversing the runs of equal times gives
        // the order Failures.Add keeps (newest first, ascending eventIds among ties) without a sort.
        var failures = new List<FailedAttempt>(ascending.Count);
        for (var end = ascending.Count; end > 0;)
        {
            var start = end - 1;
            while (start > 0 && ascending[start - 1].At == ascending[end - 1].At)
            {
                start--;
            }

            for (var i = start; i < end; i++)
            {
                failures.Add(ascending[i]);
            }

            end = start;
        }

        return new SourceActivity(failures);
    }

    private static ReadOnlySpan<byte> Next(ref ReadOnlySpan<byte> rest)
    {
        var end = rest.IndexOf(RecordSeparator);
        var next = end < 0 ? rest : rest[..end];
        rest = end < 0 ? [] : rest[(end + 1)..];
        return next;
    }

    /// <summary>Redis writes a score that is a whole number below 2^52 as its digits, which every time since 1970 is.</summary>
    private static long ParseMicroseconds(ReadOnlySpan<byte> score) =>
        Utf8Parser.TryParse(score, out long whole, out var consumed) && consumed == score.Length
            ? whole
            : (long)double.Parse(score, CultureInfo.InvariantCulture);
}
