using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LoginGuard.IntegrationTests.Commands;

/// <summary>
/// What a deployment runs is the published worker: it carries run and replay, and none of the generator, the
/// trainer, the plots, the bench or the librdkafka mock-cluster bindings, which live in loginguard-tools and
/// LoginGuard.Testing.
/// </summary>
public sealed class PublishedBinaryTests(PublishedWorker published) : IClassFixture<PublishedWorker>
{
    /// <summary>Assemblies only the tools and the tests need (ScottPlot draws with SkiaSharp and HarfBuzzSharp).</summary>
    private static readonly string[] OfflineAssemblies =
        ["ScottPlot", "SkiaSharp", "HarfBuzzSharp", "loginguard-tools", "LoginGuard.Tools", "LoginGuard.Testing", "xunit", "FluentAssertions"];

    /// <summary>Words in the full names of the offline code's types: none may be in LoginGuard's own published assemblies.</summary>
    private static readonly string[] OfflineTypeMarks =
        ["LoginGuard.Tools", "LoginGuard.Testing", "MockCluster", "Generator", "Generation", "Trainer", "Training", "Evaluation", "Bench", "Mmdb", "Plot"];

    [Fact]
    public void Publishes_no_assembly_of_the_tools_the_plots_or_the_tests()
    {
        var files = Directory.EnumerateFiles(published.Folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        files.Should().Contain("loginguard.dll").And.Contain("LoginGuard.Core.dll");
        files.Should().NotContain(file => OfflineAssemblies.Any(name => file!.StartsWith(name, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Publishes_no_generator_trainer_bench_or_mock_cluster_type()
    {
        var types = OwnAssemblies().SelectMany(TypeNames).ToList();

        types.Should().Contain("LoginGuard.Worker.Commands.ReplayCommand", "the type names are read from the published worker");
        types.Should().NotContain(type => OfflineTypeMarks.Any(mark => type.Contains(mark, StringComparison.Ordinal)));
    }

    [Fact]
    public void Binds_no_librdkafka_mock_function()
    {
        OwnAssemblies().SelectMany(MethodNames).Should().NotContain(name => name.StartsWith("rd_kafka_mock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_lists_run_and_replay_but_no_offline_command()
    {
        var (exitCode, output) = await published.RunAsync("--help");

        exitCode.Should().Be(0, output);
        var commands = output.Split('\n').SkipWhile(line => !line.StartsWith("Commands:", StringComparison.Ordinal)).Skip(1)
            .Select(line => line.Trim().Split(' ')[0]).Where(word => word.Length > 0).ToList();
        commands.Should().Contain(["run", "replay"]).And.NotContain(["generate", "geoip", "train", "evaluate", "bench"]);
    }

    [Fact]
    public async Task The_image_replays_the_samples_it_carries()
    {
        var output = Directory.CreateTempSubdirectory("loginguard-image-replay-");
        try
        {
            var (exitCode, log) = await published.RunAsync("replay", "--out", output.FullName);

            exitCode.Should().Be(0, log);
            File.ReadLines(Path.Combine(output.FullName, "decisions.jsonl")).Should().NotBeEmpty();
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private IEnumerable<string> OwnAssemblies() =>
        Directory.EnumerateFiles(published.Folder, "*.dll").Where(file => Path.GetFileName(file).StartsWith("loginguard", StringComparison.OrdinalIgnoreCase));

    /// <summary>LoginGuard's own top-level types; the compiler's generated ones (regexes, OpenAPI comments) are not ours to judge.</summary>
    private static List<string> TypeNames(string assembly) => Read(assembly, metadata => metadata.TypeDefinitions
        .Select(handle => metadata.GetTypeDefinition(handle))
        .Select(type => $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}")
        .Where(name => name.StartsWith("LoginGuard.", StringComparison.Ordinal)));

    private static List<string> MethodNames(string assembly) => Read(assembly, metadata => metadata.MethodDefinitions
        .Select(handle => metadata.GetString(metadata.GetMethodDefinition(handle).Name)));

    private static List<string> Read(string assembly, Func<MetadataReader, IEnumerable<string>> names)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        return [.. names(pe.GetMetadataReader())];
    }
}
