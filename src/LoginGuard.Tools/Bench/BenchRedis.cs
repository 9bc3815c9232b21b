using LoginGuard.Testing.Redis;
using StackExchange.Redis;

namespace LoginGuard.Tools.Bench;

/// <summary>
/// The Redis a bench owns: one redis-server, or a Redis Cluster of three masters and three replicas, all on
/// loopback. Memory is counted on the masters only: a replica holds a copy of what its master holds.
/// </summary>
internal sealed class BenchRedis : IAsyncDisposable
{
    private readonly IAsyncDisposable owned;

    private BenchRedis(IAsyncDisposable owned, string nodes, string description)
    {
        this.owned = owned;

        // INFO is an admin command to StackExchange.Redis. No syncTimeout: the tests' 2 s would also bound the
        // bench's async calls under load.
        Configuration = nodes + ",allowAdmin=true,abortConnect=false";
        Description = description;
    }

    public string Configuration { get; }

    public string Description { get; }

    public static async Task<BenchRedis> StartAsync(bool cluster)
    {
        if (cluster)
        {
            var nodes = await RedisCluster.StartAsync();
            return new BenchRedis(nodes, string.Join(",", nodes.Ports.Select(port => $"127.0.0.1:{port}")), "a Redis Cluster of 3 masters and 3 replicas");
        }

        var server = await RedisServer.StartAsync();
        return new BenchRedis(server, server.Address, "one redis-server");
    }

    public static async Task<long> UsedMemoryAsync(IConnectionMultiplexer connection)
    {
        var total = 0L;
        foreach (var server in connection.GetServers().Where(server => server.IsConnected && !server.IsReplica))
        {
            total += await BenchRedisMemory.UsedMemoryAsync(server);
        }

        return total;
    }

    public ValueTask DisposeAsync() => owned.DisposeAsync();
}
