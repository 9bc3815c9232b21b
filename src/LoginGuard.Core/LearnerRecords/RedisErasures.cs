using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.LearnerRecords;

/// <summary>
/// The erasures deleted accounts leave, waiting in Redis until a worker has done them: one per learner, filed under the
/// learner's keyed hash, its work the learner's keyed hashes under every hash key and never the account id. A worker
/// takes an erasure for a lease; done, it is removed, unless it was queued again meanwhile; failed, or left by a worker
/// that died, it is due again. So an outage or a crash delays an erasure and never drops it.
/// </summary>
internal sealed class RedisErasures(
    IConnectionMultiplexer redis, RedisKeys keys, KeyedHasher hasher, IOptions<ErasureOptions> options, IOptionsMonitor<StateOptions> state, TimeProvider clock)
    : IErasureQueue
{
    // KEYS due, jobs; ARGV id, work, now (ms), ttl (ms). Queued again, an erasure is due now, with the new work.
    private const string EnqueueScript = """
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        redis.call('PEXPIRE', KEYS[2], ARGV[4])
        return 1
        """;

    // KEYS due, jobs; ARGV now (ms), lease (ms), most. Returns id, work pairs, each now due at the lease's end.
    private const string ClaimScript = """
        local taken = {}
        for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))) do
            local work = redis.call('HGET', KEYS[2], id)
            if work then
                redis.call('ZADD', KEYS[1], string.format('%.0f', tonumber(ARGV[1]) + tonumber(ARGV[2])), id)
                taken[#taken + 1] = id
                taken[#taken + 1] = work
            else
                redis.call('ZREM', KEYS[1], id)
            end
        end
        return taken
        """;

    // KEYS due, jobs; ARGV id, work taken, then when it is due again (ms) or nothing when it is done. The work is
    // compared first: an erasure queued again while it was being done stays due, with its new work.
    private const string SettleScript = """
        if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
        if ARGV[3] then
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
        else
            redis.call('HDEL', KEYS[2], ARGV[1])
            redis.call('ZREM', KEYS[1], ARGV[1])
        end
        return 1
        """;

    private readonly WakeSignal queued = new();

    /// <summary>Durable once it returns. The work names a fresh token, so settling an earlier copy leaves this one due.</summary>
    public async Task EnqueueAsync(string userId, CancellationToken cancellationToken)
    {
        var subjects = DataSubjects.Of(hasher, userId).Select(s => s.Learner).ToList();
        var work = string.Join(' ', subjects.Select(s => $"{s.Learner}:{s.UserHash}").Prepend(Guid.NewGuid().ToString("N")));
        await redis.GetDatabase().ScriptEvaluateAsync(
            EnqueueScript,
            [keys.ErasuresDue, keys.ErasureJobs],
            [subjects[0].Learner, work, Now(), (long)state.CurrentValue.HistoryLookback.TotalMilliseconds]).WaitAsync(cancellationToken);
        queued.Wake();
    }

    /// <summary>Takes the erasures that are due, each for a lease.</summary>
    public async Task<IReadOnlyList<QueuedErasure>> ClaimAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var taken = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            ClaimScript, [keys.ErasuresDue, keys.ErasureJobs], [Now(), (long)settings.Lease.TotalMilliseconds, settings.BatchSize]).WaitAsync(cancellationToken))!;
        return [.. taken.Chunk(2).Select(pair => new QueuedErasure((string)pair[0]!, (string)pair[1]!))];
    }

    /// <summary>Removes a done erasure, unless it was queued again while it was being done.</summary>
    public Task DoneAsync(QueuedErasure erasure, CancellationToken cancellationToken) =>
        redis.GetDatabase().ScriptEvaluateAsync(SettleScript, [keys.ErasuresDue, keys.ErasureJobs], [erasure.Id, erasure.Work]).WaitAsync(cancellationToken);

    /// <summary>Makes a failed erasure due again after <see cref="ErasureOptions.RetryDelay"/>.</summary>
    public Task RetryAsync(QueuedErasure erasure, CancellationToken cancellationToken) =>
        redis.GetDatabase().ScriptEvaluateAsync(
            SettleScript, [keys.ErasuresDue, keys.ErasureJobs], [erasure.Id, erasure.Work, Now() + (long)options.Value.RetryDelay.TotalMilliseconds]).WaitAsync(cancellationToken);

    /// <summary>How many erasures wait, taken or not.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken) =>
        await redis.GetDatabase().SortedSetLengthAsync(keys.ErasuresDue).WaitAsync(cancellationToken);

    /// <summary>Until an erasure is queued in this process, or the poll interval passes.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => queued.WaitAsync(options.Value.PollInterval, clock, cancellationToken);

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}

/// <summary>An erasure a worker took: the learner's keyed hash it is filed under, and its work as queued.</summary>
internal sealed record QueuedErasure(string Id, string Work)
{
    /// <summary>The learner under every hash key. Redis keeps no account id, and the stores in Redis need none.</summary>
    public IEnumerable<DataSubject> Learners => Work.Split(' ').Skip(1).Select(pair => pair.Split(':')).Select(p => new DataSubject("", p[0], p[1]));
}
