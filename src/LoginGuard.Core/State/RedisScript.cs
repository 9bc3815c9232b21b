using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// A Lua script run by EVALSHA. It is loaded on every primary the first time it runs, and loaded again
/// when Redis answers NOSCRIPT: a restarted or failed-over server has lost its script cache.
/// </summary>
internal sealed class RedisScript(IConnectionMultiplexer redis, string source)
{
    private readonly LuaScript script = LuaScript.Prepare(source);
    private Task<LoadedLuaScript>? loaded;

    public async Task<RedisResult> EvaluateAsync(object parameters)
    {
        var database = redis.GetDatabase();
        try
        {
            return await (await LoadedAsync()).EvaluateAsync(database, parameters);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            // NOSCRIPT means the script did not run, so running it again cannot apply it twice. Other
            // failures (a timeout after Redis ran it) are not retried here: the caller's retry is idempotent.
            Volatile.Write(ref loaded, null);
            return await (await LoadedAsync()).EvaluateAsync(database, parameters);
        }
    }

    private Task<LoadedLuaScript> LoadedAsync()
    {
        var current = Volatile.Read(ref loaded);
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            // A failed load is never kept: the next call loads again once Redis is back.
            current = LoadEverywhereAsync();
            Volatile.Write(ref loaded, current);
        }

        return current;
    }

    private async Task<LoadedLuaScript> LoadEverywhereAsync()
    {
        var primaries = redis.GetServers().Where(s => s.IsConnected && !s.IsReplica).ToList();
        if (primaries.Count == 0)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "No Redis primary is connected to load the behaviour-state scripts on.", null, CommandStatus.WaitingToBeSent);
        }

        var scripts = await Task.WhenAll(primaries.Select(server => script.LoadAsync(server)));
        return scripts[0];
    }
}
