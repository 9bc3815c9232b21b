using System.Diagnostics;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.IntegrationTests.Commands;

/// <summary>
/// <c>dotnet publish src/LoginGuard.Worker -c Release</c> into a folder of its own, once for the tests that read it:
/// what the Dockerfile copies into the image.
/// </summary>
public sealed class PublishedWorker : IAsyncLifetime
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("loginguard-published-");

    public string Folder => output.FullName;

    public async Task InitializeAsync()
    {
        var repository = Path.GetDirectoryName(SampleData.FindInRepository("LoginGuard.sln"))!;

        // The solution was restored to build these tests; restoring again could rewrite the assets file under a build.
        var (exitCode, log) = await DotnetAsync(repository, "publish", Path.Combine("src", "LoginGuard.Worker"), "-c", "Release", "--no-restore", "--nologo", "-o", Folder);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish src/LoginGuard.Worker failed ({exitCode}):\n{log}");
        }
    }

    /// <summary>The published loginguard, as the image's entry point runs it.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) =>
        DotnetAsync(Folder, [Path.Combine(Folder, "loginguard.dll"), .. arguments]);

    public Task DisposeAsync()
    {
        output.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<(int ExitCode, string Output)> DotnetAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }
}
