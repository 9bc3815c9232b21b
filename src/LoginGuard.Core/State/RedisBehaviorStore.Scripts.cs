namespace LoginGuard.State;

/// <summary>
/// The behavior store's scripts: keys in <c>KEYS</c>, values in <c>ARGV</c>, every key of one script in one slot.
/// StackExchange.Redis sends each as EVALSHA once it knows it, and loads it again after NOSCRIPT.
/// </summary>
internal sealed partial class RedisBehaviorStore
{
    private const int Recorded = 1;

    // KEYS[1] the learner's state, KEYS[2] their decision index, KEYS[3] their tombstone, then one decision key per
    // event; ARGV: the version read, the new state, its ttl, the decisions' ttl, the earliest event's time (unix ms),
    // then the eventId and decision of each event. Nothing is written if any decision exists (another delivery
    // recorded it: 0), the learner was erased up to an event's time since the batch was read (-2), or the state moved
    // on since it was read (-1). The index files each eventId by when its decision expires on Redis's clock, the one
    // TTLs run on, and drops those gone.
    private const string RecordScript = """
        for i = 4, #KEYS do
            if redis.call('EXISTS', KEYS[i]) == 1 then return 0 end
        end
        local erased = redis.call('GET', KEYS[3])
        if erased and tonumber(erased) >= tonumber(ARGV[5]) then return -2 end
        if redis.call('GETRANGE', KEYS[1], 0, 3) ~= ARGV[1] then return -1 end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        local now = redis.call('TIME')
        local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        local expires = string.format('%.0f', ms + tonumber(ARGV[4]))
        for i = 4, #KEYS do
            redis.call('SET', KEYS[i], ARGV[2 * i - 1], 'PX', ARGV[4])
            redis.call('ZADD', KEYS[2], expires, ARGV[2 * i - 2])
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', string.format('(%.0f', ms))
        redis.call('PEXPIRE', KEYS[2], ARGV[4])
        return 1
        """;

    // KEYS[1] the learner's failure sources; ARGV[1] how long to keep one (ms), then each source. Redis's clock.
    private const string IndexSourcesScript = """
        local now = redis.call('TIME')
        local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        for i = 2, #ARGV do
            redis.call('ZADD', KEYS[1], string.format('%.0f', ms), ARGV[i])
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('(%.0f', ms - tonumber(ARGV[1])))
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        return 1
        """;

    // KEYS[1] a decision, KEYS[2] its published mark, which lives no longer than the decision, so the decision index
    // that finds one finds the other; a decision gone (expired or erased) gets no mark.
    private const string MarkPublishedScript = """
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl <= 0 then return 0 end
        redis.call('SET', KEYS[2], 1, 'PX', ttl)
        return 1
        """;

    // KEYS[1] a decision, KEYS[2] its published mark, ARGV[1] the value that says parked. Like MarkPublishedScript, but never
    // over a published mark: the decision went out after all, and its next delivery is a duplicate.
    private const string MarkParkedScript = """
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl <= 0 then return 0 end
        redis.call('SET', KEYS[2], ARGV[1], 'PX', ttl, 'NX')
        return 1
        """;

    // KEYS[1] the learner's tombstone, KEYS[2] their history; ARGV[1] the time it erases up to (unix ms), ARGV[2] its
    // ttl. Keeps the later of the two times; the history goes at once.
    private const string LayTombstoneScript = """
        local kept = redis.call('GET', KEYS[1])
        local upto = tonumber(ARGV[1])
        if kept and tonumber(kept) > upto then upto = tonumber(kept) end
        redis.call('SET', KEYS[1], string.format('%.0f', upto), 'PX', ARGV[2])
        redis.call('DEL', KEYS[2])
        return 1
        """;

    // KEYS[1] a learner's history under a hash key rotated out; ARGV[1] the version it was read at. Removed once written
    // under the current key, unless something wrote it since (a worker not yet restarted with the new key), which is left
    // to expire and to erasure.
    private const string ForgetFiledBeforeScript = """
        if redis.call('GETRANGE', KEYS[1], 0, 3) ~= ARGV[1] then return 0 end
        return redis.call('DEL', KEYS[1])
        """;
}
