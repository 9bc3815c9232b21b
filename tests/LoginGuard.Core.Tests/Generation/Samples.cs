using System.Text.Json;
using LoginGuard.Tools.Generation;
using LoginGuard.Tools.Generation.Geo;
using LoginGuard.Tools.Generation.Stream;

namespace LoginGuard.Core.Tests.Generation;

/// <summary>Streams the tests share: generating is deterministic, so one generation serves every test that reads it.</summary>
internal static class Samples
{
    /// <summary>The parameters data-samples/README.md documents for the committed sample.</summary>
    public static readonly GenerationSettings Committed = new(Users: 60, Days: 30, Seed: 2026, Start: new DateOnly(2026, 10, 1), BadLines: 12, Duplicates: 10);

    private static readonly Lazy<GeneratedStream> StandardStream = new(() => Generate(Committed));

    public static string RepositoryRoot { get; } = FindRoot();

    public static string GeoDirectory => Path.Combine(RepositoryRoot, "data-samples", "geoip");

    public static GeoCatalogue Geo { get; } = GeoCatalogue.Load(GeoDirectory);

    public static GeneratedStream Standard => StandardStream.Value;

    public static GeneratedStream Generate(GenerationSettings settings) => LoginEventGenerator.Generate(settings, Geo);

    public static IEnumerable<(StreamLine Line, JsonElement Json)> ParsedEvents(GeneratedStream stream) =>
        stream.Events.Select(line => (line, JsonDocument.Parse(line.Text).RootElement));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LoginGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("LoginGuard.sln not found above the test binaries.");
    }
}
