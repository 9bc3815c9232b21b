namespace LoginGuard.Alerts;

/// <summary>
/// One Lua script per read-modify-write of the Redis outbox, so two workers can never both act on one alert.
/// Keys come in KEYS, values in ARGV; every script refreshes the TTL of what it writes. Times are unix ms.
/// </summary>
internal static class OutboxScripts
{
    /// <summary>
    /// KEYS: alert, due, queued, throttle. ARGV: id, payload, kind, eventId, now, retention s, throttled (1/0),
    /// event time, window ms, max mails. Returns 'queued', 'duplicate' or 'suppressed'. Mirrors NewDeviceThrottle.
    /// </summary>
    public const string Enqueue = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 'duplicate' end
        local ttl = tonumber(ARGV[6])
        local carried, since = 0, ''
        if ARGV[7] == '1' then
          local at, window, max = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])
          local w = redis.call('HMGET', KEYS[4], 'start', 'mailed', 'suppressed', 'since')
          local start = tonumber(w[1])
          if start and at > start - window and at < start + window then
            if tonumber(w[2]) >= max then
              local count = tonumber(w[3]) or 0
              if count == 0 or at < tonumber(w[4]) then redis.call('HSET', KEYS[4], 'since', ARGV[8]) end
              redis.call('HSET', KEYS[4], 'suppressed', count + 1)
              redis.call('EXPIRE', KEYS[4], ttl)
              redis.call('HSET', KEYS[1], 'state', 'suppressed', 'kind', ARGV[3], 'eventId', ARGV[4])
              redis.call('EXPIRE', KEYS[1], ttl)
              return 'suppressed'
            end
            redis.call('HINCRBY', KEYS[4], 'mailed', 1)
          elseif not start or at >= start + window then
            carried, since = tonumber(w[3]) or 0, w[4] or ''
            redis.call('HSET', KEYS[4], 'start', ARGV[8], 'mailed', 1, 'suppressed', 0, 'since', '')
          end
          redis.call('EXPIRE', KEYS[4], ttl)
        end
        redis.call('HSET', KEYS[1], 'state', 'queued', 'payload', ARGV[2], 'kind', ARGV[3], 'eventId', ARGV[4],
          'attempts', 0, 'queuedAt', ARGV[5], 'suppressed', carried, 'since', since)
        redis.call('EXPIRE', KEYS[1], ttl)
        redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
        redis.call('ZADD', KEYS[3], ARGV[5], ARGV[1])
        redis.call('EXPIRE', KEYS[2], ttl)
        redis.call('EXPIRE', KEYS[3], ttl)
        return 'queued'
        """;

    /// <summary>
    /// KEYS: alert, due, queued. ARGV: id, now, lease until. Returns {payload, attempts, queuedAt, suppressed, since},
    /// or nil when another worker claimed it first or it is no longer queued.
    /// </summary>
    public const string Claim = """
        local due = redis.call('ZSCORE', KEYS[2], ARGV[1])
        if not due or tonumber(due) > tonumber(ARGV[2]) then return nil end
        local a = redis.call('HMGET', KEYS[1], 'state', 'payload', 'attempts', 'queuedAt', 'suppressed', 'since')
        if a[1] ~= 'queued' then
          redis.call('ZREM', KEYS[2], ARGV[1])
          redis.call('ZREM', KEYS[3], ARGV[1])
          return nil
        end
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
        return {a[2], a[3], a[4], a[5], a[6]}
        """;

    /// <summary>KEYS: alert, due, queued. ARGV: id, now, retention s. Drops the payload: a sent mail needs no personal data kept.</summary>
    public const string MarkSent = """
        if redis.call('HGET', KEYS[1], 'state') ~= 'queued' then return 0 end
        redis.call('HSET', KEYS[1], 'state', 'sent', 'sentAt', ARGV[2])
        redis.call('HDEL', KEYS[1], 'payload')
        redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('ZREM', KEYS[3], ARGV[1])
        return 1
        """;

    /// <summary>KEYS: alert, due. ARGV: id, not before, reason.</summary>
    public const string RetryLater = """
        if redis.call('HGET', KEYS[1], 'state') ~= 'queued' then return 0 end
        redis.call('HINCRBY', KEYS[1], 'attempts', 1)
        redis.call('HSET', KEYS[1], 'reason', ARGV[3])
        redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
        return 1
        """;

    /// <summary>
    /// KEYS: alert, due, queued, failed. ARGV: id, reason, now, retention s. The payload stays until the TTL so the
    /// security team can see what was not sent; failures older than the retention leave the list.
    /// </summary>
    public const string MarkFailed = """
        if redis.call('HGET', KEYS[1], 'state') ~= 'queued' then return 0 end
        local ttl = tonumber(ARGV[4])
        redis.call('HSET', KEYS[1], 'state', 'failed', 'reason', ARGV[2], 'failedAt', ARGV[3])
        redis.call('EXPIRE', KEYS[1], ttl)
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('ZREM', KEYS[3], ARGV[1])
        redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', tonumber(ARGV[3]) - ttl * 1000)
        redis.call('EXPIRE', KEYS[4], ttl)
        return 1
        """;
}
