using System.Text;
using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// An address's or network's failed sign-ins as a sorted set: member <c>eventId␟learner</c>, score the
/// event time in microseconds since 1970. Many learners' events hit one botnet address at once, so the
/// set is changed in place by one script rather than read, recomputed and written back; the script keeps
/// exactly what <see cref="Failures.Add"/> keeps, one failure after another — idempotent by eventId, trimmed
/// to the failure memory behind the newest failure, capped keeping the newest and, among equal times, the
/// smallest eventIds.
/// <para>
/// Every change to a set also moves its version (<c>&lt;set&gt;v</c>, same slot and expiry), and the sets this worker
/// reads often are kept in memory with the version they were read or written at: a batch asks Redis only for the
/// versions, and reads and parses again only the sets whose version moved (another worker's failures, an erasure, an
/// expiry). A sprayed address's few hundred failures were read, parsed and counted again for every batch; they were
/// the most of what the worker allocated.
/// </para>
/// </summary>
internal sealed class RedisSourceFailures(IConnectionMultiplexer redis)
{
    /// <summary>Event ids hold no control characters, so the unit separator cannot occur inside one and sorts below every character that can.</summary>
    public const char Separator = '\u001f';

    /// <summary>
    /// A set of one failure (a learner's typo from home) is seldom read again; from two on, reading and parsing them per
    /// batch was half of what parsing still cost with a bound of 16 (8.5 % + 3.2 % of the bytes allocated, against
    /// 17.6 % + 7.2 %).
    /// </summary>
    internal const int KeptFrom = 2;

    /// <summary>
    /// Failures kept in memory at most, ≈ 200 bytes each (≈ 20 MB): past it the sets used longest ago go, down to half of
    /// it. bench pipeline's 10,000 learners and their credential-stuffing wave had 255 such sets holding 72,739 failures.
    /// </summary>
    internal const int KeptFailures = 100_000;

    /// <summary>
    /// How long a set is trusted since it was last read from Redis, however often this worker wrote it since: a worker of
    /// an earlier release changes sets without moving their versions, and during a rolling upgrade its failures must
    /// still reach the others' counts.
    /// </summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    // Moves a set's version: past the last one and to Redis's clock in µs, so that a set written again after it expired,
    // or after a failover lost its last writes, does not come back to a version some worker keeps for other contents.
    // Lua's own number-to-string conversion keeps 14 digits; versions need 16, hence string.format.
    private const string BumpFunction = """
        local function bump(version, ttl)
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local before = tonumber(redis.call('GET', version) or '0')
            local after = string.format('%.0f', math.max(before + 1, now))
            redis.call('SET', version, after, 'PX', ttl)
            return string.format('%.0f', before), after
        end
        """;

    private readonly Lock gate = new();
    private readonly Dictionary<RedisKey, Kept> kept = [];
    private int keptFailures;
    private long uses;

    // KEYS: sets of one slot, each followed by its version; ARGV: memory (µs), max, ttl (ms), then for each set in turn how
    // many failures it gets and the score and member of each. Returns each set's version before and after. Lua's own
    // number-to-string conversion keeps 14 digits; scores need 16, hence string.format.
    //
    // A set's failures go in by one ZADD NX (the first of an eventId stays, as one by one) and the set is trimmed once:
    // the horizon and the cap only ever drop the oldest, so trimming after the last is what trimming after each leaves
    // (Failures.Merge relies on the same). Trimming after each was five to ten commands per failure, and the most of
    // redis-server's time in bench pipeline; a set that gained nothing is left as it was, as one by one leaves it.
    private const string AddScript = BumpFunction + "\n" + """
        local memory, max = tonumber(ARGV[1]), tonumber(ARGV[2])
        local versions = {}
        local first = 4
        for k = 1, #KEYS, 2 do
            local key, last = KEYS[k], first + 2 * tonumber(ARGV[first])
            local added = 0
            for from = first + 1, last, 1000 do
                added = added + redis.call('ZADD', key, 'NX', unpack(ARGV, from, math.min(from + 999, last)))
            end
            if added > 0 then
                local newest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')[2]
                redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('(%.0f', tonumber(newest) - memory))
                local excess = redis.call('ZCARD', key) - max
                if excess > 0 then
                    local boundary = redis.call('ZRANGE', key, excess, excess, 'WITHSCORES')[2]
                    redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. boundary)
                    local keep = max - redis.call('ZCOUNT', key, '(' .. boundary, '+inf')
                    local tied = redis.call('ZRANGEBYSCORE', key, boundary, boundary)
                    for j = keep + 1, #tied do redis.call('ZREM', key, tied[j]) end
                end
            end
            redis.call('PEXPIRE', key, ARGV[3])
            local before, after = bump(KEYS[k + 1], ARGV[3])
            versions[#versions + 1] = before
            versions[#versions + 1] = after
            first = last + 1
        end
        return versions
        """;

    // KEYS: a set and its version; ARGV: the members to remove.
    private const string RemoveScript = BumpFunction + "\n" + """
        local removed = redis.call('ZREM', KEYS[1], unpack(ARGV))
        if removed > 0 then
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl > 0 then bump(KEYS[2], ttl) else redis.call('DEL', KEYS[2]) end
        end
        return removed
        """;

    /// <summary>
    /// Adds each set's failures in the order given, with one script call per Redis Cluster slot, and keeps what the
    /// script made of each set when this worker knows what it started from: the set as kept at the version before the
    /// script (another lane of this worker wrote it since this batch read it: a sprayed address is in every lane's
    /// batches), with the same failures added as <see cref="Failures.Add"/> adds them; else, when nobody changed it since
    /// this batch read it at <see cref="SourceWrite.ReadAt"/>, <see cref="SourceWrite.After"/>; else it keeps what it kept.
    /// </summary>
    public Task AddAsync(IReadOnlyList<SourceWrite> sets, int max, StateOptions options)
    {
        var memory = options.FailureMemory + options.AllowedLateness;
        var database = redis.GetDatabase();
        return Task.WhenAll(redis.BySlot(sets, set => set.Key).Select(async slot =>
        {
            var arguments = new List<RedisValue>(3 + slot.Sum(set => 1 + (2 * set.Failures.Count))) { (long)memory.TotalMicroseconds, max, (long)memory.TotalMilliseconds };
            foreach (var set in slot)
            {
                arguments.Add(set.Failures.Count);
                foreach (var failure in set.Failures)
                {
                    arguments.Add(Microseconds(failure.At));
                    arguments.Add(failure.EventId + Separator + failure.Key);
                }
            }

            var versions = (RedisValue[])(await database.ScriptEvaluateAsync(AddScript, [.. slot.SelectMany(set => new[] { set.Key, VersionOf(set.Key) })], [.. arguments]))!;
            for (var i = 0; i < slot.Length; i++)
            {
                var (set, before, after) = (slot[i], (long)versions[2 * i], (long)versions[(2 * i) + 1]);
                Keep(set.Key, Known(set.Key) is { } held && held.Version == before
                    ? new Kept(after, Failures.Apply(held.Activity, set.Failures, options), held.ReadAt, held.Since)
                    : before == set.ReadAt ? new Kept(after, set.After, Environment.TickCount64, since: null) : null);
            }
        }));
    }

    /// <summary>
    /// Each set's failures in the order given, with the version they were read at: all of them for a set read whole (no
    /// <c>From</c>; windows count by time, so failures older than a batch needs change nothing); else those at or after
    /// <c>From</c>, which the batch gets as <see cref="SourceRead.Partial"/>: a network's rules look back an hour while
    /// its set holds a day, and reading whole days of busy networks for every batch raised the worker's heap past a
    /// 512 MiB limit at 100,000 learners. Either is kept, a partial one with the time it covers from, and serves a later
    /// batch that needs no more than it covers. Versions first, one MGET per slot; then the sets not kept or whose version
    /// moved. A version is read before its set on the same connection, so a set never goes with a version newer than its
    /// contents: at worst it is read again.
    /// </summary>
    public async Task<SourceRead[]> ReadAsync(IReadOnlyList<(RedisKey Key, DateTimeOffset? From)> sets)
    {
        var database = redis.GetDatabase();
        var known = sets.Select(set => Known(set.Key) is { } held && held.Covers(set.From) ? held : null).ToArray();
        var versionReads = redis.BySlot(Enumerable.Range(0, sets.Count), i => sets[i].Key)
            .Select(slot => (Slot: slot, Versions: database.StringGetAsync([.. slot.Select(i => VersionOf(sets[i].Key))])))
            .ToList();
        var setReads = new Task<SortedSetEntry[]>?[sets.Count];
        var versions = new long[sets.Count];
        for (var i = 0; i < sets.Count; i++)
        {
            if (known[i] is null)
            {
                setReads[i] = Read(database, sets[i]);
            }
        }

        foreach (var (slot, read) in versionReads)
        {
            foreach (var (i, version) in slot.Zip(await read))
            {
                versions[i] = version.IsNull ? 0 : (long)version;
                if (setReads[i] is not null)
                {
                    continue;
                }

                // Looked up again: another lane's write may have landed, and been kept, while the versions were read.
                known[i] = Known(sets[i].Key) is { } held && held.Version == versions[i] && held.Covers(sets[i].From) ? held : null;
                if (known[i] is null)
                {
                    setReads[i] = Read(database, sets[i]);
                }
            }
        }

        var result = new SourceRead[sets.Count];
        for (var i = 0; i < sets.Count; i++)
        {
            if (setReads[i] is { } setRead)
            {
                var activity = Parse(await setRead);
                Keep(sets[i].Key, versions[i] > 0 ? new Kept(versions[i], activity, Environment.TickCount64, sets[i].From) : null);
                result[i] = new SourceRead(activity, sets[i].From is null ? versions[i] : SourceRead.Partial);
            }
            else
            {
                result[i] = new SourceRead(known[i]!.Activity, sets[i].From is null ? versions[i] : SourceRead.Partial);
            }
        }

        return result;
    }

    private static Task<SortedSetEntry[]> Read(IDatabase database, (RedisKey Key, DateTimeOffset? From) set) => set.From is { } from
        ? database.SortedSetRangeByScoreWithScoresAsync(set.Key, Microseconds(from))
        : database.SortedSetRangeByRankWithScoresAsync(set.Key);

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
                await database.ScriptEvaluateAsync(RemoveScript, [key, VersionOf(key)], [.. members]).WaitAsync(cancellationToken);
            }
        }
    }

    private static RedisKey VersionOf(RedisKey set) => set.Append("v");

    private Kept? Known(RedisKey set)
    {
        lock (gate)
        {
            if (kept.GetValueOrDefault(set) is not { } held || !Fresh(held))
            {
                return null;
            }

            held.UsedAt = ++uses;
            return held;
        }
    }

    private static bool Fresh(Kept held) => Environment.TickCount64 - held.ReadAt < KeptFor.TotalMilliseconds;

    /// <summary>
    /// Keeps a set at a version newer than the one kept: versions only grow, and lanes finish in any order, so a lane's
    /// older view must not replace a newer one another lane left. A kept set that is not current is harmless (a batch
    /// compares versions), so nothing is forgotten here, only replaced or, when memory runs short, evicted.
    /// </summary>
    private void Keep(RedisKey set, Kept? state)
    {
        if (state is null)
        {
            return;
        }

        lock (gate)
        {
            if (kept.TryGetValue(set, out var held))
            {
                if (Fresh(held) && (held.Version > state.Version || (held.Version == state.Version && held.Covers(state.Since))))
                {
                    return;
                }

                kept.Remove(set);
                keptFailures -= held.Activity.Failures.Count;
            }

            if (state.Activity.Failures.Count < KeptFrom)
            {
                return;
            }

            if (keptFailures + state.Activity.Failures.Count > KeptFailures)
            {
                foreach (var (stale, _) in kept.OrderBy(entry => entry.Value.UsedAt).ToList())
                {
                    keptFailures -= kept[stale].Activity.Failures.Count;
                    kept.Remove(stale);
                    if (keptFailures <= KeptFailures / 2)
                    {
                        break;
                    }
                }
            }

            state.UsedAt = ++uses;
            kept[set] = state;
            keptFailures += state.Activity.Failures.Count;
        }
    }

    private static long Microseconds(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static SourceActivity Parse(SortedSetEntry[] entries)
    {
        if (entries.Length == 0)
        {
            return SourceActivity.Empty;
        }

        // Redis orders by time, then by member, which begins with the eventId: Failures.Add keeps them newest first with
        // ascending eventIds among ties, so oldest first is Redis's order with each run of equal times reversed.
        var (runStart, runEnd) = (0, -1);
        return new SourceActivity(FailureList.OldestFirst(entries.Length, i =>
        {
            if (i > runEnd)
            {
                (runStart, runEnd) = (i, i);
                while (runEnd + 1 < entries.Length && entries[runEnd + 1].Score == entries[i].Score)
                {
                    runEnd++;
                }
            }

            return Parse(entries[runStart + runEnd - i]);
        }));
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

    /// <summary>
    /// A set as this worker last saw it, when it last read it from Redis (<see cref="Environment.TickCount64"/>), the time
    /// it holds the failures from when it was read from a time on (null: whole), and when it was last used (a count of
    /// uses, under the lock). Failures added to a set read from a time on keep it exactly what Redis holds from that time
    /// on: <see cref="Failures.Add"/> drops only the oldest failures, and caps and trims by the newest.
    /// </summary>
    private sealed class Kept(long version, SourceActivity activity, long readAt, DateTimeOffset? since)
    {
        public long Version { get; } = version;

        public SourceActivity Activity { get; } = activity;

        public long ReadAt { get; } = readAt;

        public DateTimeOffset? Since { get; } = since;

        public long UsedAt { get; set; }

        /// <summary>Whether it holds every failure a batch needs from <paramref name="from"/> on (null: the whole set).</summary>
        public bool Covers(DateTimeOffset? from) => Since is not { } since || (from is { } needed && since <= needed);
    }
}

/// <summary>A set's failures and the version they were read at (0: the set had none; <see cref="Partial"/>: read from a time on).</summary>
internal readonly record struct SourceRead(SourceActivity Activity, long Version)
{
    /// <summary>No version: a write never keeps what a batch made of a set it did not read whole.</summary>
    public const long Partial = -1;
}

/// <summary>Failures to add to a set that a batch read at <paramref name="ReadAt"/>, and what the batch made of it.</summary>
internal sealed record SourceWrite(RedisKey Key, IReadOnlyList<FailedAttempt> Failures, long ReadAt, SourceActivity After);
