using System.Globalization;
using LoginGuard.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.Worker.Api;

/// <summary>
/// One call that touched a learner's data: which key, what, whose (the learner's hash), with what result, when. A
/// null result means the call was recorded as started but its result never was: the worker stopped, or Redis
/// failed, while it ran, so whatever it did may have happened.
/// </summary>
internal sealed record AuditEntry(string KeyId, string Action, string? Learner, int? Result, DateTimeOffset At);

/// <summary>
/// The audit log in Redis: a stream trimmed by age (<see cref="ApiOptions.AuditRetention"/>), its own retention
/// rather than the learners' data's, so an erasure leaves a record that it happened. Learners appear only as their
/// keyed hash: the log itself must not become a list of who was looked at.
/// </summary>
/// <remarks>
/// A call is written twice, as it starts and with its result, under an id of its own; readers see one entry. The
/// first write is what lets the API refuse to act when it cannot record (fail closed); the second cannot undo
/// what was done, so when it fails the entry goes to the log instead.
/// </remarks>
internal sealed partial class AuditLog(IConnectionMultiplexer redis, RedisKeys keys, IOptions<ApiOptions> options, TimeProvider clock, ILogger<AuditLog> logger)
{
    // KEYS[1] the stream. ARGV: oldest id to keep (ms), ttl ms, then field/value pairs.
    private const string AppendScript = """
        local fields = {}
        for i = 3, #ARGV do fields[#fields + 1] = ARGV[i] end
        redis.call('XADD', KEYS[1], 'MINID', '~', ARGV[1], '*', unpack(fields))
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>Records that a call starts; false when the log cannot be written, and the call must then not run.</summary>
    public Task<bool> TryStartAsync(string callId, string keyId, string action, string? learner) =>
        TryAppendAsync(callId, keyId, action, learner, result: null);

    /// <summary>Records how a call ended; when the log cannot be written, the entry is logged as an error instead.</summary>
    public Task<bool> TryFinishAsync(string callId, string keyId, string action, string? learner, int result) =>
        TryAppendAsync(callId, keyId, action, learner, result);

    /// <summary>The latest entries, newest first, a call's start and result read as one entry.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int max, CancellationToken cancellationToken)
    {
        // Each call may take two stream entries.
        var entries = await redis.GetDatabase().StreamRangeAsync(keys.Audit, count: 2 * max, messageOrder: Order.Descending).WaitAsync(cancellationToken);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var read = new List<AuditEntry>(max);
        foreach (var e in entries)
        {
            string? Field(string name) => e.Values.FirstOrDefault(v => v.Name == name).Value;
            var call = Field("call");
            var result = Field("result");
            if (!string.IsNullOrEmpty(call) && (string.IsNullOrEmpty(result) ? finished.Contains(call) : !finished.Add(call)))
            {
                continue;
            }

            var learner = Field("learner");
            read.Add(new AuditEntry(
                Field("keyId")!, Field("action")!, string.IsNullOrEmpty(learner) ? null : learner,
                string.IsNullOrEmpty(result) ? null : int.Parse(result, CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Field("at")!, CultureInfo.InvariantCulture))));
            if (read.Count == max)
            {
                break;
            }
        }

        return read;
    }

    private async Task<bool> TryAppendAsync(string callId, string keyId, string action, string? learner, int? result)
    {
        var now = clock.GetUtcNow();
        var retention = options.Value.AuditRetention;
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(
                AppendScript,
                [keys.Audit],
                [
                    (now - retention).ToUnixTimeMilliseconds(), (long)retention.TotalMilliseconds,
                    "call", callId, "keyId", keyId, "action", action, "learner", learner ?? "",
                    "result", result?.ToString(CultureInfo.InvariantCulture) ?? "", "at", now.ToUnixTimeMilliseconds(),
                ]);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            NotWritten(logger, keyId, action, learner ?? "", result?.ToString(CultureInfo.InvariantCulture) ?? "started", callId, e.Message);
            return false;
        }
    }

    [LoggerMessage(EventId = EventIds.AuditNotWritten, Level = LogLevel.Error,
        Message = "Audit entry not written to Redis: key {KeyId}, {Action} of learner {Learner}, result {Result}, call {CallId} ({Reason})")]
    private static partial void NotWritten(ILogger logger, string keyId, string action, string learner, string result, string callId, string reason);
}
