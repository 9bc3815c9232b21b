using System.Text.RegularExpressions;
using LoginGuard.Testing.Deploy;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.Core.Tests.Deploy;

/// <summary>
/// No Docker engine runs here, so the Dockerfile is read instead: the image is built from the worker alone, and
/// the tools (generator, trainer, bench, ScottPlot) and the test-support project never reach it.
/// </summary>
public sealed partial class DockerfileTests
{
    private const string WorkerProject = "src/LoginGuard.Worker/LoginGuard.Worker.csproj";

    private static readonly IReadOnlyList<string> Instructions = Dockerfile.Instructions(SampleData.FindInRepository("Dockerfile")!);

    [Fact]
    public void Publishes_the_worker_and_nothing_else()
    {
        Instructions.Where(i => i.StartsWith("RUN dotnet publish", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().StartWith($"RUN dotnet publish {WorkerProject} ");
    }

    [Fact]
    public void Restores_and_builds_no_project_but_the_worker()
    {
        var dotnet = Instructions.Where(i => i.StartsWith("RUN dotnet ", StringComparison.Ordinal)).ToList();

        dotnet.Should().NotBeEmpty().And.OnlyContain(i => ProjectArgument().Match(i).Groups["project"].Value == WorkerProject,
            "a restore, build or publish of the solution or another project would compile the tools into the image");
    }

    [Fact]
    public void Copies_into_the_build_only_the_sources_the_worker_is_built_from()
    {
        var sources = Instructions.Where(i => i.StartsWith("COPY ", StringComparison.Ordinal) && !i.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(i => i.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .Where(path => path.StartsWith("src", StringComparison.Ordinal) || path.StartsWith("tests", StringComparison.Ordinal))
            .ToList();

        sources.Should().NotBeEmpty().And.OnlyContain(path =>
            path.StartsWith("src/LoginGuard.Core/", StringComparison.Ordinal) || path.StartsWith("src/LoginGuard.Worker/", StringComparison.Ordinal));
    }

    [Fact]
    public void Starts_the_worker()
    {
        Instructions.Should().Contain("ENTRYPOINT [\"dotnet\", \"loginguard.dll\"]");
    }

    [GeneratedRegex(@"^RUN dotnet (restore|build|publish) (?<project>\S+)")]
    private static partial Regex ProjectArgument();
}
