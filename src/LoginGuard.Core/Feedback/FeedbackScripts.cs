namespace LoginGuard.Feedback;

/// <summary>
/// Feedback's read-modify-writes, one Lua script each over keys that share <c>{labels}</c> (keys in <c>KEYS</c>, values
/// in <c>ARGV</c>). <see cref="Answer"/> is why they share a slot: the answer, its label and the report it owes Kafka
/// are written together or not at all.
/// </summary>
internal static class FeedbackScripts
{
    /// <summary>
    /// Takes an answer if the link has none that stands: anything over no answer, "wasn't me" over "was me". Keeps one
    /// label per learner and event, a compromised one over a legitimate one, and for a "wasn't me" owes one report per
    /// event. Returns 1 when the answer was taken, 0 when the link was answered already.
    /// KEYS: answer, labels stream, learner's labelled events, report, reports due, reports owed, learner's answered
    /// alert ids (so erasure finds every answer without a SCAN).
    /// ARGV: label, answer kept before #17 ('' if none), answer ttl ms, learner, eventId, at, source, trust, max labels,
    /// label retention ms, sealed report ('' for "was me"), report retention ms, report id, now ms, alert id, then the
    /// stream ids of labels of this event written before #17, to drop.
    /// </summary>
    public const string Answer = """
        local taken = redis.call('GET', KEYS[1]) or ARGV[2]
        if taken == 'compromised' or (taken == 'legitimate' and ARGV[1] == 'legitimate') then return 0 end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
        redis.call('SADD', KEYS[7], ARGV[15])
        if redis.call('PTTL', KEYS[7]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[7], ARGV[3]) end
        local write = true
        local kept = redis.call('HGET', KEYS[3], ARGV[5])
        if kept then
          local label, id = string.match(kept, '^(%a+) (.+)$')
          if label == 'compromised' or ARGV[1] == 'legitimate' then write = false else redis.call('XDEL', KEYS[2], id) end
        end
        for i = 16, #ARGV do redis.call('XDEL', KEYS[2], ARGV[i]) end
        if write then
          local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[9], '*',
            'learner', ARGV[4], 'eventId', ARGV[5], 'label', ARGV[1], 'at', ARGV[6], 'source', ARGV[7], 'trust', ARGV[8])
          redis.call('HSET', KEYS[3], ARGV[5], ARGV[1] .. ' ' .. id)
          redis.call('PEXPIRE', KEYS[2], ARGV[10])
        end
        redis.call('PEXPIRE', KEYS[3], ARGV[10])
        if ARGV[1] == 'compromised' and redis.call('EXISTS', KEYS[4]) == 0 then
          redis.call('HSET', KEYS[4], 'state', 'pending', 'sealed', ARGV[11], 'learner', ARGV[4], 'eventId', ARGV[5], 'answeredAt', ARGV[14], 'attempts', 0)
          redis.call('PEXPIRE', KEYS[4], ARGV[12])
          redis.call('ZADD', KEYS[5], ARGV[14], ARGV[13])
          redis.call('ZADD', KEYS[6], ARGV[14], ARGV[13])
          redis.call('PEXPIRE', KEYS[5], ARGV[12])
          redis.call('PEXPIRE', KEYS[6], ARGV[12])
        end
        return 1
        """;

    /// <summary>
    /// Claims a pending report that is due, moving it a lease ahead: { sealed, attempts, eventId }. Nil when it is not due
    /// (another worker holds it) or no longer pending; 'gone' when its record expired before Kafka took it.
    /// KEYS: report, reports due, reports owed. ARGV: report id, now ms, lease end ms.
    /// </summary>
    public const string Claim = """
        local due = redis.call('ZSCORE', KEYS[2], ARGV[1])
        if not due or tonumber(due) > tonumber(ARGV[2]) then return nil end
        local state = redis.call('HGET', KEYS[1], 'state')
        if state ~= 'pending' then
          redis.call('ZREM', KEYS[2], ARGV[1])
          redis.call('ZREM', KEYS[3], ARGV[1])
          if state then return nil end
          return 'gone'
        end
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
        local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
        return { redis.call('HGET', KEYS[1], 'sealed'), attempts, redis.call('HGET', KEYS[1], 'eventId') }
        """;

    /// <summary>
    /// Moves a pending report's next try to a time: a lease renewed, a retry after a refusal, or a lease given back.
    /// Returns 0 when it is no longer pending. KEYS: report, reports due. ARGV: report id, when ms, why ('' to leave it).
    /// </summary>
    public const string Reschedule = """
        if redis.call('HGET', KEYS[1], 'state') ~= 'pending' then return 0 end
        if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'lastError', ARGV[3]) end
        redis.call('ZADD', KEYS[2], 'XX', ARGV[2], ARGV[1])
        return 1
        """;

    /// <summary>
    /// Records that Kafka has the report: it stays, without its sealed claim, for the rest of its retention so the event
    /// is not reported twice. An erased report stays erased. KEYS: report, reports due, reports owed. ARGV: report id, now ms.
    /// </summary>
    public const string Published = """
        if redis.call('EXISTS', KEYS[1]) == 1 then
          redis.call('HSET', KEYS[1], 'state', 'published', 'publishedAt', ARGV[2])
          redis.call('HDEL', KEYS[1], 'sealed', 'lastError')
        end
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('ZREM', KEYS[3], ARGV[1])
        return 1
        """;
}
