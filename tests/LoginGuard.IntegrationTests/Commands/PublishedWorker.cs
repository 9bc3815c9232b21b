using System.Diagnostics;
using LoginGuard.Testing.Deploy;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.IntegrationTests.Commands;

/// <summary>
/// The image's file system, built as the Dockerfile builds it but without a Docker engine (there is none here): its
/// build stage runs in a folder holding only what that stage copies, and its runtime stage's copies land beside the
/// published worker. A project the worker needs but the Dockerfile does not copy fails here as it would in
/// <c>docker build</c>; what the tests then read is what the image would carry.
/// </summary>
public sealed class PublishedWorker : IAsyncLifetime
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("loginguard-image-");

    /// <summary>The image's <c>/app</c>: the published worker, with the data and models the runtime stage adds.</summary>
    public string Folder => Path.Combine(root.FullName, "app");

    public async Task InitializeAsync()
    {
        var repository = Path.GetDirectoryName(SampleData.FindInRepository("LoginGuard.sln"))!;
        var stages = Dockerfile.Stages(Path.Combine(repository, "Dockerfile"));
        var context = Path.Combine(root.FullName, "src");
        Directory.CreateDirectory(context);
        Directory.CreateDirectory(Folder);

        foreach (var instruction in stages["build"])
        {
            if (instruction.StartsWith("COPY ", StringComparison.Ordinal))
            {
                Copy(repository, instruction, context);
            }
            else if (instruction.StartsWith("RUN dotnet ", StringComparison.Ordinal))
            {
                var arguments = instruction["RUN dotnet ".Length..].Split(' ').Select(a => a == "/app" ? Folder : a).ToArray();
                var (exitCode, log) = await DotnetAsync(context, arguments);
                if (exitCode != 0)
                {
                    throw new InvalidOperationException($"The image's build stage failed at '{instruction}' ({exitCode}):\n{log}");
                }
            }
        }

        foreach (var instruction in stages["runtime"].Where(i => i.StartsWith("COPY ", StringComparison.Ordinal) && !i.Contains("--from=", StringComparison.Ordinal)))
        {
            Copy(repository, instruction, Folder);
        }
    }

    /// <summary>The published loginguard, as the image's entry point runs it.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) =>
        DotnetAsync(Folder, [Path.Combine(Folder, "loginguard.dll"), .. arguments]);

    public Task DisposeAsync()
    {
        root.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>COPY sources… destination, the sources read from the repository (Docker's build context).</summary>
    private static void Copy(string repository, string instruction, string into)
    {
        var parts = instruction.Split(' ')[1..];
        var destination = Path.GetFullPath(Path.Combine(into, parts[^1]));
        foreach (var source in parts[..^1].Select(s => Path.Combine(repository, s)))
        {
            if (Directory.Exists(source))
            {
                foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !IsBuildOutput(source, f)))
                {
                    var target = Path.Combine(destination, Path.GetRelativePath(source, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target, overwrite: true);
                }
            }
            else
            {
                var target = parts[^1].EndsWith('/') ? Path.Combine(destination, Path.GetFileName(source)) : destination;
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target, overwrite: true);
            }
        }
    }

    /// <summary>What .dockerignore keeps out of the context: a developer's bin and obj folders.</summary>
    private static bool IsBuildOutput(string source, string file) =>
        Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

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
