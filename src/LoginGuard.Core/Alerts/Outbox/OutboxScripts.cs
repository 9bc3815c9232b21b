namespace LoginGuard.Alerts.Outbox;

/// <summary>
/// One Lua script per read-modify-write of the Redis outbox, so two workers can never both act on one alert.
/// Keys come in KEYS, values in ARGV; every script refreshes the TTL of what it writes. Times are unix ms.
/// </summary>
internal static class OutboxScripts
{
    /// <summary>
    /// Closes one learner's new-device window: queues the summary of what it held (unless its id is already known)
    /// and forgets the window, so the learner's next new-device sign-in is mailed and opens another. Returns 1 when
    /// a summary was queued. The summary's key is built here, not passed in KEYS, because which window holds what
    /// is only known inside the script; every outbox key shares the <c>{outbox}</c> hash tag, so it is in the slot
    /// the script already runs on.
    /// </summary>
    private const string CloseWindow = """
        local function close(throttle, learner, windows, due, queued, alertPrefix, now, ttl)
          local h = redis.call('HMGET', throttle, 'held', 'summary', 'first')
          redis.call('ZREM', windows, learner)
          redis.call('HDEL', throttle, 'start', 'mailed', 'held', 'summary', 'first', 'closesAt')
          if not h[1] or h[1] == '' then return 0 end
          local key = alertPrefix .. h[2]
          if redis.call('EXISTS', key) == 1 then return 0 end
          redis.call('HSET', key, 'state', 'queued', 'summary', '[' .. h[1] .. ']', 'kind', 'new-device', 'eventId', h[3],
            'attempts', 0, 'queuedAt', now)
          redis.call('EXPIRE', key, ttl)
          redis.call('ZADD', due, now, h[2])
          redis.call('ZADD', queued, now, h[2])
          redis.call('EXPIRE', due, ttl)
          redis.call('EXPIRE', queued, ttl)
          return 1
        end

        """;

    /// <summary>
    /// KEYS: alert, due, queued, throttle, windows, the learner's alerts. ARGV: 1 id, 2 payload, 3 kind, 4 eventId,
    /// 5 now, 6 retention s, 7 throttle (0 none, 1 new-device, 2 incident), 8 event time, 9 window or quiet period ms,
    /// 10 max mails, 11 incident field, 12 summary id, 13 learner, 14 alert key prefix, 15 how long the learner's
    /// alerts remember an id (s). Returns 'queued', 'duplicate' or 'suppressed'. Mirrors NewDeviceThrottle and
    /// IncidentThrottle. Every id it files, and the id a summary of held sign-ins will have, joins the learner's alerts
    /// in the same step, so their export and erasure find all of it; ids older than an alert can live leave them.
    /// </summary>
    public const string Enqueue = CloseWindow + """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 'duplicate' end
        local ttl = tonumber(ARGV[6])
        local now = tonumber(ARGV[5])
        local remember = tonumber(ARGV[15])
        redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', string.format('(%.0f', now - remember * 1000))
        redis.call('ZADD', KEYS[6], now, ARGV[1])
        redis.call('EXPIRE', KEYS[6], remember)
        local at, window = tonumber(ARGV[8]), tonumber(ARGV[9])
        local function suppress()
          redis.call('EXPIRE', KEYS[4], ttl)
          redis.call('HSET', KEYS[1], 'state', 'suppressed', 'kind', ARGV[3], 'eventId', ARGV[4])
          redis.call('EXPIRE', KEYS[1], ttl)
          return 'suppressed'
        end
        if ARGV[7] == '1' then
          local w = redis.call('HMGET', KEYS[4], 'start', 'mailed', 'held', 'closesAt')
          local start = tonumber(w[1])
          if start and at > start - window and at < start + window then
            if tonumber(w[2]) >= tonumber(ARGV[10]) then
              if not w[3] or w[3] == '' then
                redis.call('HSET', KEYS[4], 'held', ARGV[2], 'summary', ARGV[12], 'first', ARGV[4])
                redis.call('ZADD', KEYS[6], now, ARGV[12])
                -- A window opened before windows had a wall-clock end gets one from now, so it still closes.
                redis.call('ZADD', KEYS[5], w[4] or (now + window), ARGV[13])
                redis.call('EXPIRE', KEYS[5], ttl)
              else
                redis.call('HSET', KEYS[4], 'held', w[3] .. ',' .. ARGV[2])
              end
              return suppress()
            end
            redis.call('HINCRBY', KEYS[4], 'mailed', 1)
          elseif not start or at >= start + window then
            close(KEYS[4], ARGV[13], KEYS[5], KEYS[2], KEYS[3], ARGV[14], now, ttl)
            redis.call('HSET', KEYS[4], 'start', at, 'mailed', 1, 'closesAt', now + window)
          end
          redis.call('EXPIRE', KEYS[4], ttl)
        elseif ARGV[7] == '2' then
          local last = tonumber(redis.call('HGET', KEYS[4], ARGV[11]))
          if not last or at > last then redis.call('HSET', KEYS[4], ARGV[11], at) end
          if last and at > last - window and at < last + window then return suppress() end
          redis.call('EXPIRE', KEYS[4], ttl)
        end
        redis.call('HSET', KEYS[1], 'state', 'queued', 'payload', ARGV[2], 'kind', ARGV[3], 'eventId', ARGV[4],
          'attempts', 0, 'queuedAt', now)
        redis.call('EXPIRE', KEYS[1], ttl)
        redis.call('ZADD', KEYS[2], now, ARGV[1])
        redis.call('ZADD', KEYS[3], now, ARGV[1])
        redis.call('EXPIRE', KEYS[2], ttl)
        redis.call('EXPIRE', KEYS[3], ttl)
        return 'queued'
        """;

    /// <summary>
    /// KEYS: the learner's alerts, throttle, windows, due, queued, failed. ARGV: 1 learner, 2 alert key prefix, then
    /// ids of the learner's alerts filed before they had an index of their own (an id of no alert deletes nothing).
    /// Erasure, in one step: every alert of the learner in any state, its place in the queues and the dead-letter
    /// list, their throttles and open window, and last the index that found them. Alert keys are built here, as in
    /// <see cref="CloseWindows"/>: they share the <c>{outbox}</c> slot. Returns how many ids it tried.
    /// </summary>
    public const string Forget = """
        local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
        for i = 3, #ARGV do ids[#ids + 1] = ARGV[i] end
        for _, id in ipairs(ids) do
          redis.call('DEL', ARGV[2] .. id)
          redis.call('ZREM', KEYS[4], id)
          redis.call('ZREM', KEYS[5], id)
          redis.call('ZREM', KEYS[6], id)
        end
        redis.call('ZREM', KEYS[3], ARGV[1])
        redis.call('DEL', KEYS[2], KEYS[1])
        return #ids
        """;

    /// <summary>
    /// KEYS: windows, due, queued. ARGV: until (unix ms or +inf), now, retention s, alert key prefix, throttle key
    /// prefix, max windows. Closes the windows whose wall-clock end has come; returns how many summaries it queued.
    /// </summary>
    public const string CloseWindows = CloseWindow + """
        local learners = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[6]))
        local queued = 0
        for _, learner in ipairs(learners) do
          queued = queued + close(ARGV[5] .. learner, learner, KEYS[1], KEYS[2], KEYS[3], ARGV[4], tonumber(ARGV[2]), tonumber(ARGV[3]))
        end
        return queued
        """;

    /// <summary>
    /// KEYS: alert, due, queued. ARGV: id, now, lease until. Returns {payload, attempts, queuedAt, summary, claim} (a
    /// summary has no payload of its own, only the held sign-ins' payloads as one JSON array; claim is the fencing
    /// token, one more than the alert's previous claim), or nil when another worker claimed it first or it is no
    /// longer queued.
    /// </summary>
    public const string Claim = """
        local due = redis.call('ZSCORE', KEYS[2], ARGV[1])
        if not due or tonumber(due) > tonumber(ARGV[2]) then return nil end
        local a = redis.call('HMGET', KEYS[1], 'state', 'payload', 'attempts', 'queuedAt', 'summary')
        if a[1] ~= 'queued' then
          redis.call('ZREM', KEYS[2], ARGV[1])
          redis.call('ZREM', KEYS[3], ARGV[1])
          return nil
        end
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
        local claim = redis.call('HINCRBY', KEYS[1], 'claim', 1)
        return {a[2] or '', a[3], a[4], a[5] or '', claim}
        """;

    // Where a claim stands: 'settled' when the alert no longer waits, 'superseded' when a later claim took it over.
    private const string Standing = """
        local function standing(alert, claim)
          local a = redis.call('HMGET', alert, 'state', 'claim')
          if a[1] ~= 'queued' then return 'settled' end
          if a[2] ~= claim then return 'superseded' end
          return 'current'
        end

        """;

    /// <summary>KEYS: alert, due. ARGV: id, claim, lease until. Returns 1 when the claim is still the latest and its lease was extended.</summary>
    public const string Renew = Standing + """
        if standing(KEYS[1], ARGV[2]) ~= 'current' then return 0 end
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
        return 1
        """;

    /// <summary>
    /// KEYS: alert, due, queued. ARGV: id, now, retention s, claim. Drops the payload: a sent mail needs no personal
    /// data kept. A superseded claim still records the mail it sent, so the newer holder does not send it again.
    /// Returns the claim's standing.
    /// </summary>
    public const string MarkSent = Standing + """
        local s = standing(KEYS[1], ARGV[4])
        if s == 'settled' then return s end
        redis.call('HSET', KEYS[1], 'state', 'sent', 'sentAt', ARGV[2])
        redis.call('HDEL', KEYS[1], 'payload', 'summary')
        redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('ZREM', KEYS[3], ARGV[1])
        return s
        """;

    /// <summary>KEYS: alert, due. ARGV: id, not before, reason, claim. Returns the claim's standing; only the latest claim changes anything.</summary>
    public const string RetryLater = Standing + """
        local s = standing(KEYS[1], ARGV[4])
        if s ~= 'current' then return s end
        redis.call('HINCRBY', KEYS[1], 'attempts', 1)
        redis.call('HSET', KEYS[1], 'reason', ARGV[3])
        redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
        return s
        """;

    /// <summary>
    /// KEYS: alert, due, queued, failed. ARGV: id, reason, now, retention s, claim. The payload stays until the TTL so
    /// the security team can see what was not sent; failures older than the retention leave the list. Returns the
    /// claim's standing; only the latest claim changes anything.
    /// </summary>
    public const string MarkFailed = Standing + """
        local s = standing(KEYS[1], ARGV[5])
        if s ~= 'current' then return s end
        local ttl = tonumber(ARGV[4])
        redis.call('HSET', KEYS[1], 'state', 'failed', 'reason', ARGV[2], 'failedAt', ARGV[3])
        redis.call('EXPIRE', KEYS[1], ttl)
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('ZREM', KEYS[3], ARGV[1])
        redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', tonumber(ARGV[3]) - ttl * 1000)
        redis.call('EXPIRE', KEYS[4], ttl)
        return s
        """;
}
