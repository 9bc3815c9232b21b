using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// A Lua script written as a function of its own <c>KEYS</c> and <c>ARGV</c>, so that the same definition runs alone or
/// as one step of a batch's writes sent in one call (<see cref="RedisScriptPhases"/>).
/// </summary>
/// <param name="Name">A Lua identifier, unique among the scripts run together.</param>
/// <param name="Body">
/// The script as it would run alone: <c>KEYS</c> and <c>ARGV</c> are its own, it returns a value, and it fails by raising
/// (a failed <c>redis.call</c>), never by returning an error reply, which would not stop the calls after it.
/// </param>
/// <param name="Helpers">Local functions the body calls, defined before it.</param>
internal sealed record RedisScript(string Name, string Body, string Helpers = "")
{
    /// <summary>Lua that defines the helpers and the script as a local function; the function's parameters shadow the globals.</summary>
    public string Definition => $"{Helpers}\nlocal function {Name}(KEYS, ARGV)\n{Body}\nend\n";

    /// <summary>The script to send alone.</summary>
    public string Alone => $"{Definition}return {Name}(KEYS, ARGV)";
}

/// <summary>One call of a script with its keys and values; <paramref name="Done"/> takes its reply.</summary>
internal sealed record RedisScriptCall(RedisScript Script, RedisKey[] Keys, RedisValue[] Values, Action<RedisResult> Done);
