using System.CommandLine;
using LoginGuard.Tools.Training;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.Tools.Commands;

/// <summary>
/// What <c>train</c> and <c>evaluate</c> replay with besides the events: the geo databases, and the
/// worker's own settings and rules file, so an offline replay decides exactly as the worker would.
/// </summary>
internal static class ReplaySources
{
    private const string AppSettingsFile = "appsettings.json";

    /// <summary>The geo databases a replay enriches with: files or folders of them, each file known by its type; the samples by default.</summary>
    public static Option<string[]> GeoIpOption()
    {
        var option = new Option<string[]>("--geoip")
        {
            Description = "The City and ASN .mmdb files (or folders holding them) to enrich with (default: data-samples/geoip).",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [Path.GetDirectoryName(SampleData.Find("geoip/sample-city.mmdb")) ?? Path.Combine(SampleData.FolderName, "geoip")],
        };
        option.Validators.Add(result =>
        {
            var problems = new List<string>();
            GeoIpFiles.Find(result.GetValueOrDefault<string[]>() ?? [], problems);
            problems.ForEach(result.AddError);
        });
        return option;
    }

    public static GeoIpFiles GeoIpFilesOf(ParseResult parseResult, Option<string[]> option) => GeoIpFiles.Find(parseResult.GetRequiredValue(option), []);

    /// <summary>The worker's appsettings.json (for its Scoring:Model and State settings) when it sits beside the binaries, then the rules file, which wins.</summary>
    public static IReadOnlyList<string> ConfigurationFiles(FileInfo rules)
    {
        var appSettings = Path.Combine(AppContext.BaseDirectory, AppSettingsFile);
        return File.Exists(appSettings) ? [appSettings, rules.FullName] : [rules.FullName];
    }
}
