using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>Every key in Redis under a prefix, with everything it holds as text, to search for a learner's traces.</summary>
internal static class LearnerTraces
{
    public static async Task<Dictionary<string, string>> DumpAsync(IConnectionMultiplexer redis, string prefix)
    {
        var database = redis.GetDatabase();
        var dump = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: prefix + "*", pageSize: 1000))
        {
            var type = await database.KeyTypeAsync(key);
            if (type == RedisType.None)
            {
                // Gone since the scan listed it (the outbox drains as the test runs): it holds nothing to find.
                continue;
            }

            dump[(string)key!] = type switch
            {
                RedisType.String => (string?)await database.StringGetAsync(key) ?? "",
                RedisType.Hash => string.Join('\n', (await database.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}")),
                RedisType.SortedSet => string.Join('\n', (await database.SortedSetRangeByRankAsync(key)).Select(v => (string?)v)),
                RedisType.Set => string.Join('\n', (await database.SetMembersAsync(key)).Select(v => (string?)v)),
                RedisType.Stream => string.Join('\n', (await database.StreamRangeAsync(key)).Select(e => string.Join(' ', e.Values.Select(v => $"{v.Name}={v.Value}")))),
                RedisType.List => string.Join('\n', (await database.ListRangeAsync(key)).Select(v => (string?)v)),
                _ => throw new InvalidOperationException($"{key} is a {type}, which this search cannot read."),
            };
        }

        return dump;
    }

    /// <summary>The keys whose name or content mentions any of <paramref name="traces"/>.</summary>
    public static List<string> Mentioning(Dictionary<string, string> dump, IReadOnlyCollection<string> traces) =>
        [.. dump.Where(entry => traces.Any(t => entry.Key.Contains(t, StringComparison.OrdinalIgnoreCase) || entry.Value.Contains(t, StringComparison.OrdinalIgnoreCase)))
            .Select(entry => entry.Key)];

    /// <summary>
    /// The dump without what an erasure keeps on purpose: the audit log's record that the learner (as their hash) was
    /// erased and by whom, and their tombstone (their hash and a time, nothing else).
    /// </summary>
    public static Dictionary<string, string> LeftByErasure(Dictionary<string, string> dump, string prefix, string learnerKey) =>
        dump.Where(entry => !entry.Key.EndsWith("{audit}:log", StringComparison.Ordinal) && entry.Key != $"{prefix}{{u:{learnerKey}}}:t")
            .ToDictionary(StringComparer.Ordinal);
}
