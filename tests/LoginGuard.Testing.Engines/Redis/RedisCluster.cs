using System.Diagnostics;
using System.Globalization;

using LoginGuard.Testing.Net;

namespace LoginGuard.Testing.Redis;

/// <summary>
/// A real Redis Cluster on loopback, owned by a test: three masters and three replicas, each a
/// <c>redis-server --cluster-enabled yes</c> in a folder of its own, joined by <c>redis-cli --cluster create</c>.
/// A master can be killed to play a failover: its replica is promoted once the others agree it is gone.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private const int Nodes = 6;

    /// <summary>Where a node listens for its peers, relative to its own port (Redis Cluster's fixed rule).</summary>
    private const int ClusterBusOffset = 10000;
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(2);
    private readonly string directory = Directory.CreateTempSubdirectory("loginguard-cluster-").FullName;
    private readonly Dictionary<int, Process> processes = [];

    private RedisCluster(IReadOnlyList<int> ports) => Ports = ports;

    public IReadOnlyList<int> Ports { get; }

    /// <summary>A StackExchange.Redis configuration naming every node, failing fast and reconnecting on its own.</summary>
    public string Configuration =>
        string.Join(",", Ports.Select(port => $"127.0.0.1:{port}")) + ",abortConnect=false,connectTimeout=2000,syncTimeout=2000";

    public static async Task<RedisCluster> StartAsync()
    {
        var cluster = new RedisCluster([.. Enumerable.Range(0, Nodes).Select(_ => FreePort.NextWithCompanion(ClusterBusOffset))]);
        try
        {
            foreach (var port in cluster.Ports)
            {
                cluster.StartNode(port);
            }

            foreach (var port in cluster.Ports)
            {
                await cluster.WaitUntilAsync(port, "PING", reply => reply.Trim() == "PONG", "answer PING");
            }

            await RedisCli(["--cluster", "create", .. cluster.Ports.Select(port => $"127.0.0.1:{port}"), "--cluster-replicas", "1", "--cluster-yes"]);
            foreach (var port in cluster.Ports)
            {
                await cluster.WaitUntilAsync(port, "CLUSTER INFO", reply => reply.Contains("cluster_state:ok", StringComparison.Ordinal), "report cluster_state:ok");
            }

            // A replica still in its first sync cannot take over: a master killed before then leaves its slots down.
            foreach (var port in cluster.Ports)
            {
                await cluster.WaitUntilAsync(
                    port, "INFO replication", reply => reply.Contains("role:master", StringComparison.Ordinal) || reply.Contains("master_link_status:up", StringComparison.Ordinal), "finish its first sync");
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The ports of the nodes that serve slots now.</summary>
    public async Task<IReadOnlyList<int>> MastersAsync()
    {
        var live = Ports.First(port => processes[port] is { HasExited: false });
        var nodes = await RedisCli(["-p", Port(live), "CLUSTER", "NODES"]);
        return nodes.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Where(fields => fields[2].Contains("master", StringComparison.Ordinal) && !fields[2].Contains("fail", StringComparison.Ordinal))
            .Select(fields => int.Parse(fields[1].Split('@')[0].Split(':')[1], CultureInfo.InvariantCulture))
            .ToList();
    }

    /// <summary>SIGKILL for one node, as on a crash: no goodbye to the cluster.</summary>
    public void Kill(int port)
    {
        var process = processes[port];
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>Waits until every live node agrees the cluster serves all slots again.</summary>
    public async Task WaitUntilHealthyAsync()
    {
        foreach (var port in Ports.Where(port => !processes[port].HasExited))
        {
            await WaitUntilAsync(port, "CLUSTER INFO", reply => reply.Contains("cluster_state:ok", StringComparison.Ordinal), "report cluster_state:ok again");
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var process in processes.Values)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> RedisCli(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-cli.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }

    private void StartNode(int port)
    {
        var folder = Directory.CreateDirectory(Path.Combine(directory, Port(port))).FullName;
        var start = new ProcessStartInfo("redis-server")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--port", Port(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
            "--cluster-node-timeout", ((int)NodeTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            "--save", "", "--appendonly", "no", "--dir", folder,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server is not installed. Run ./test.sh, which installs it.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        processes[port] = process;
    }

    private async Task WaitUntilAsync(int port, string command, Func<string, bool> answered, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                if (answered(await RedisCli(["-p", Port(port), .. command.Split(' ')])))
                {
                    return;
                }
            }
            catch (InvalidOperationException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Redis Cluster node {port} did not {what} within 30 s.");
    }
}
