using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// Runs a batch's writes in phases, each phase's calls only after every call of the one before has run, so that a crash or a
/// failed call never leaves a later write without an earlier one. When every key is in one slot (always on a single
/// server) all calls go in one script call that runs them in order and stops at the first that fails: one round trip
/// where each phase was one, each costing ≈ 60 µs of CPU and a wake-up on a busy machine. On a Redis Cluster the calls
/// of a phase, each of one slot, go together, and the next phase waits for their replies.
/// </summary>
internal sealed class RedisScriptPhases
{
    private readonly IConnectionMultiplexer redis;
    private readonly Dictionary<RedisScript, int> numbers;
    private readonly string combined;

    /// <param name="scripts">Every script the phases may call.</param>
    public RedisScriptPhases(IConnectionMultiplexer redis, params RedisScript[] scripts)
    {
        this.redis = redis;
        numbers = scripts.Select((script, i) => (script, i)).ToDictionary(s => s.script, s => s.i + 1);
        combined = Combine(scripts);
    }

    public async Task RunAsync(IReadOnlyList<IReadOnlyList<RedisScriptCall>> phases)
    {
        var calls = phases.SelectMany(phase => phase).ToList();
        if (calls.Count == 0)
        {
            return;
        }

        var database = redis.GetDatabase();
        if (calls.SelectMany(call => call.Keys).Select(key => redis.HashSlot(key)).Distinct().Take(2).Count() == 1)
        {
            var replies = (RedisResult[])(await database.ScriptEvaluateAsync(
                combined,
                [.. calls.SelectMany(call => call.Keys)],
                [calls.Count, .. calls.SelectMany(call => new RedisValue[] { numbers[call.Script], call.Keys.Length, call.Values.Length }), .. calls.SelectMany(call => call.Values)]))!;
            foreach (var (call, reply) in calls.Zip(replies))
            {
                call.Done(reply);
            }

            return;
        }

        foreach (var phase in phases)
        {
            await Task.WhenAll(phase.Select(async call => call.Done(await database.ScriptEvaluateAsync(call.Script.Alone, call.Keys, call.Values))));
        }
    }

    // ARGV: how many calls, then for each its script's number, how many keys and how many values it has; then every call's
    // values in turn. KEYS: every call's keys in turn. Returns each call's reply. A call that fails ends the script, with
    // the calls before it done and none after.
    private static string Combine(IReadOnlyList<RedisScript> scripts) =>
        string.Concat(scripts.Select(script => script.Definition)) + $$"""
        local scripts = { {{string.Join(", ", scripts.Select(script => script.Name))}} }
        local calls = tonumber(ARGV[1])
        local replies = {}
        local k, a = 1, 2 + 3 * calls
        for c = 1, calls do
            local script, keyCount, valueCount = tonumber(ARGV[3 * c - 1]), tonumber(ARGV[3 * c]), tonumber(ARGV[3 * c + 1])
            local keys, values = {}, {}
            for i = 1, keyCount do keys[i] = KEYS[k + i - 1] end
            for i = 1, valueCount do values[i] = ARGV[a + i - 1] end
            replies[c] = scripts[script](keys, values)
            k, a = k + keyCount, a + valueCount
        end
        return replies
        """;
}
