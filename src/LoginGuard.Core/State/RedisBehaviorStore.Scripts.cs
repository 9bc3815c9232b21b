namespace LoginGuard.State;

/// <summary>
/// The behavior store's scripts: keys in <c>KEYS</c>, values in <c>ARGV</c>, every key of one script in one slot.
/// StackExchange.Redis sends each as EVALSHA once it knows it, and loads it again after NOSCRIPT.
/// </summary>
internal sealed partial class RedisBehaviorStore
{
    private const int Recorded = 1;

    // KEYS: for each learner of one slot in turn, their state, their decision index, their tombstone, then one decision key
    // per event. ARGV: the states' ttl, the decisions' ttl, then for each learner in turn how many events, the version
    // read, the new state, the earliest event's time (unix ms), then the eventId and decision of each event. Returns per
    // learner: nothing written if any decision exists (another delivery recorded it: 0), the learner was erased up to an
    // event's time since the batch was read (-2), or the state moved on since it was read (-1). The index files each
    // eventId by when its decision expires on Redis's clock, the one TTLs run on, and drops those gone.
    private const string RecordScript = """
        local now = redis.call('TIME')
        local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        local expires = string.format('%.0f', ms + tonumber(ARGV[2]))
        local results = {}
        local k, a = 1, 3
        while a <= #ARGV do
            local n = tonumber(ARGV[a])
            local result = 1
            for i = 1, n do
                if redis.call('EXISTS', KEYS[k + 2 + i]) == 1 then result = 0 break end
            end
            if result == 1 then
                local erased = redis.call('GET', KEYS[k + 2])
                if erased and tonumber(erased) >= tonumber(ARGV[a + 3]) then
                    result = -2
                elseif redis.call('GETRANGE', KEYS[k], 0, 3) ~= ARGV[a + 1] then
                    result = -1
                end
            end
            if result == 1 then
                redis.call('SET', KEYS[k], ARGV[a + 2], 'PX', ARGV[1])
                for i = 1, n do
                    redis.call('SET', KEYS[k + 2 + i], ARGV[a + 3 + 2 * i], 'PX', ARGV[2])
                    redis.call('ZADD', KEYS[k + 1], expires, ARGV[a + 2 + 2 * i])
                end
                redis.call('ZREMRANGEBYSCORE', KEYS[k + 1], '-inf', string.format('(%.0f', ms))
                redis.call('PEXPIRE', KEYS[k + 1], ARGV[2])
            end
            results[#results + 1] = result
            k = k + 3 + n
            a = a + 4 + 2 * n
        end
        return results
        """;

    // KEYS: learners' failure sources of one slot; ARGV[1] how long to keep one (ms), then for each learner in turn how many
    // sources it names and each source. Redis's clock.
    private const string IndexSourcesScript = """
        local now = redis.call('TIME')
        local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        local first = 2
        for k = 1, #KEYS do
            local last = first + tonumber(ARGV[first])
            for i = first + 1, last do
                redis.call('ZADD', KEYS[k], string.format('%.0f', ms), ARGV[i])
            end
            redis.call('ZREMRANGEBYSCORE', KEYS[k], '-inf', string.format('(%.0f', ms - tonumber(ARGV[1])))
            redis.call('PEXPIRE', KEYS[k], ARGV[1])
            first = last + 1
        end
        return 1
        """;

    // KEYS: events' owners of one slot; ARGV[1] their ttl (ms), then the learner of each. The first writer stays.
    private const string NameOwnersScript = """
        for i = 1, #KEYS do
            redis.call('SET', KEYS[i], ARGV[i + 1], 'PX', ARGV[1], 'NX')
        end
        return 1
        """;

    // KEYS: decisions of one slot, each followed by its published mark, which lives no longer than the decision, so the
    // decision index that finds one finds the other; a decision gone (expired or erased) gets no mark.
    private const string MarkPublishedScript = """
        for i = 1, #KEYS, 2 do
            local ttl = redis.call('PTTL', KEYS[i])
            if ttl > 0 then redis.call('SET', KEYS[i + 1], 1, 'PX', ttl) end
        end
        return 1
        """;

    // KEYS as for MarkPublishedScript, ARGV[1] the value that says parked. Never over a published mark: the decision went
    // out after all, and its next delivery is a duplicate.
    private const string MarkParkedScript = """
        for i = 1, #KEYS, 2 do
            local ttl = redis.call('PTTL', KEYS[i])
            if ttl > 0 then redis.call('SET', KEYS[i + 1], ARGV[1], 'PX', ttl, 'NX') end
        end
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
