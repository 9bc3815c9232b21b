using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using LoginGuard.Testing.Net;

namespace LoginGuard.Testing.Redis;

/// <summary>
/// A real redis-server on a free loopback port, owned by a test or a bench: started empty, and stoppable and
/// restartable on the same port to play an outage. Without persistence a restart loses everything; with it
/// every write is fsynced to an append-only file in a temporary folder, so a killed server comes back whole.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string? dataDirectory;
    private Process? process;

    private RedisServer(int port, string? dataDirectory)
    {
        Port = port;
        this.dataDirectory = dataDirectory;
    }

    public int Port { get; }

    /// <summary>Where it listens, for a caller that chooses its own client options.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>
    /// A StackExchange.Redis configuration string that fails fast and reconnects on its own, as a test wants. A
    /// bench builds its own from <see cref="Address"/>: the 2 s syncTimeout would also bound its async calls under load.
    /// </summary>
    public string Configuration => $"{Address},abortConnect=false,connectTimeout=2000,syncTimeout=2000";

    public static bool IsInstalled => FindExecutable() is not null;

    public static async Task<RedisServer> StartAsync(bool persistent = false)
    {
        var server = new RedisServer(FreePort.Next(), persistent ? Directory.CreateTempSubdirectory("loginguard-redis-").FullName : null);
        await server.RestartAsync();
        return server;
    }

    public async Task RestartAsync()
    {
        Stop();
        var executable = FindExecutable()
            ?? throw new InvalidOperationException("redis-server is not installed. Run ./test.sh, which installs it from Debian's packages.");
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in dataDirectory is null
            ? ["--appendonly", "no"]
            : new[] { "--appendonly", "yes", "--appendfsync", "always", "--dir", dataDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        await WaitUntilAnsweringAsync();
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        if (dataDirectory is not null)
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"redis-server on port {Port} did not answer PING within 10 s.");
    }

    private static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator)
        .Append("/usr/bin")
        .Select(directory => Path.Combine(directory, "redis-server"))
        .FirstOrDefault(File.Exists);
}
