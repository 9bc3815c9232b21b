using System.Globalization;
using LoginGuard.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.Worker.Api;

/// <summary>One call that touched a learner's data: which key, what, whose (the learner's hash), with what result, when.</summary>
internal sealed record AuditEntry(string KeyId, string Action, string? Learner, int Result, DateTimeOffset At);

/// <summary>
/// The audit log in Redis: a stream trimmed by age (<see cref="ApiOptions.AuditRetention"/>), its own retention
/// rather than the learners' data's, so an erasure leaves a record that it happened. Learners appear only as their
/// keyed hash: the log itself must not become a list of who was looked at.
/// </summary>
internal sealed class AuditLog(IConnectionMultiplexer redis, RedisKeys keys, IOptions<ApiOptions> options, TimeProvider clock)
{
    // KEYS[1] the stream. ARGV: oldest id to keep (ms), ttl ms, then field/value pairs.
    private const string AppendScript = """
        local fields = {}
        for i = 3, #ARGV do fields[#fields + 1] = ARGV[i] end
        redis.call('XADD', KEYS[1], 'MINID', '~', ARGV[1], '*', unpack(fields))
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    public async Task WriteAsync(string keyId, string action, string? learner, int result)
    {
        var now = clock.GetUtcNow();
        var retention = options.Value.AuditRetention;
        await redis.GetDatabase().ScriptEvaluateAsync(
            AppendScript,
            [keys.Audit],
            [
                (now - retention).ToUnixTimeMilliseconds(), (long)retention.TotalMilliseconds,
                "keyId", keyId, "action", action, "learner", learner ?? "", "result", result, "at", now.ToUnixTimeMilliseconds(),
            ]);
    }

    /// <summary>The latest entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int max, CancellationToken cancellationToken)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(keys.Audit, count: max, messageOrder: Order.Descending).WaitAsync(cancellationToken);
        return [.. entries.Select(e =>
        {
            string? Field(string name) => e.Values.FirstOrDefault(v => v.Name == name).Value;
            var learner = Field("learner");
            return new AuditEntry(
                Field("keyId")!, Field("action")!, string.IsNullOrEmpty(learner) ? null : learner,
                int.Parse(Field("result")!, CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Field("at")!, CultureInfo.InvariantCulture)));
        })];
    }
}
