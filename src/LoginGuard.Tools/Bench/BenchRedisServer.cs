using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LoginGuard.Tools.Bench;

/// <summary>A throwaway redis-server on a free loopback port, so the bench measures an otherwise empty server.</summary>
internal sealed class BenchRedisServer : IDisposable
{
    private readonly Process process;

    private BenchRedisServer(Process process, int port)
    {
        this.process = process;
        Configuration = $"127.0.0.1:{port},allowAdmin=true";
    }

    public string Configuration { get; }

    public static BenchRedisServer? TryStart()
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin")
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);
        if (executable is null)
        {
            return null;
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return new BenchRedisServer(process, port);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
