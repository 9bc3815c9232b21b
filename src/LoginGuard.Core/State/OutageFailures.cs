using System.Net.Sockets;
using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// Failures that say a store is away or busy rather than that an event cannot be done: a lost connection, a
/// timeout, or a Redis refusal that passes (a replica loading, a cluster failing over, memory full, a password
/// being changed). An event that fails this way waits however long the outage lasts, even while events whose keys
/// live on another shard go through; only a failure of another kind can get an event parked.
/// </summary>
internal static class OutageFailures
{
    private static readonly string[] PassingRefusals =
        ["LOADING", "BUSY", "CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN", "READONLY", "NOREPLICAS", "OOM", "NOAUTH", "WRONGPASS", "NOPERM", "MOVED", "ASK"];

    public static bool Is(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        RedisConnectionException or RedisTimeoutException or TimeoutException or SocketException => true,
        RedisServerException refusal => PassingRefusals.Any(prefix => refusal.Message.StartsWith(prefix, StringComparison.Ordinal)),
        _ => exception.InnerException is { } inner && Is(inner),
    };
}
