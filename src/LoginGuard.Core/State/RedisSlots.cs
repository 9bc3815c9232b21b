using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// A batch's commands by Redis Cluster slot, for one script call per slot: there a script may touch the keys of one slot
/// only, while a single server, for which the client names no slot, takes a whole batch in one call.
/// </summary>
internal static class RedisSlots
{
    public static IEnumerable<T[]> BySlot<T>(this IConnectionMultiplexer redis, IEnumerable<T> items, Func<T, RedisKey> key) =>
        items.GroupBy(item => redis.HashSlot(key(item))).Select(slot => slot.ToArray());
}
