using System.Collections.Concurrent;
using System.Diagnostics;
using LoginGuard.Testing.Hosting;

namespace LoginGuard.IntegrationTests.Infrastructure;

/// <summary>
/// <c>loginguard run</c> as deployed, in a process of its own, configured through environment variables: what a
/// supervisor sees of it (its exit code, its output), and what a supervisor does to it (SIGTERM, SIGKILL).
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private WorkerProcess(Process process) => this.process = process;

    public IReadOnlyList<string> Output => [.. output];

    public bool HasExited => process.HasExited;

    public static WorkerProcess Start(WorkerSettings settings)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "loginguard"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("run");
        foreach (var (variable, value) in settings.AsEnvironment())
        {
            start.Environment[variable] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start loginguard run.");
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, line) => worker.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => worker.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>What an orchestrator sends to stop a container.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not send SIGTERM to {process.Id}.");
        }
    }

    /// <summary>SIGKILL: the process dies where it stands, as on a crash or an OOM kill.</summary>
    public void KillNow()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);

        // The asynchronous readers may still hold the last lines.
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            KillNow();
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
