using System.Runtime.CompilerServices;
using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>SCAN over the whole keyspace, on one server or on every node of a Redis Cluster that serves slots.</summary>
internal static class RedisKeyspace
{
    public static async IAsyncEnumerable<RedisKey> ScanAsync(IConnectionMultiplexer redis, RedisValue pattern, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var server in await PrimariesAsync(redis))
        {
            await foreach (var key in server.KeysAsync(redis.GetDatabase().Database, pattern, pageSize: 1000).WithCancellation(cancellationToken))
            {
                yield return key;
            }
        }
    }

    /// <summary>
    /// The nodes that hold the keys now: in Redis Cluster, the masters that own slots in the client's view of the cluster.
    /// After a failover that view still gives the dead master's slots to it until the client reconfigures, so a primary
    /// it cannot reach makes it reconfigure first; one still unreachable then fails the scan, for the caller to retry.
    /// </summary>
    private static async Task<IReadOnlyList<IServer>> PrimariesAsync(IConnectionMultiplexer redis)
    {
        var primaries = Primaries(redis);
        if (primaries.Any(server => !server.IsConnected))
        {
            await redis.ConfigureAsync();
            primaries = Primaries(redis);
        }

        return primaries;
    }

    private static List<IServer> Primaries(IConnectionMultiplexer redis)
    {
        var servers = redis.GetServers();
        var view = servers.Where(s => s.IsConnected).Select(s => s.ClusterConfiguration).FirstOrDefault(c => c is not null);
        return view is null
            ? [.. servers.Where(s => !s.IsReplica)]
            : [.. view.Nodes.Where(node => !node.IsReplica && node.Slots.Count > 0 && node.EndPoint is not null).Select(node => redis.GetServer(node.EndPoint!))];
    }
}
