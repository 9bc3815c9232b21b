using Microsoft.Extensions.Configuration.Json;

namespace LoginGuard.Worker.Hosting;

/// <summary>
/// The rules file the security team edits (<c>rules.json</c> beside the binaries by default). It sits after
/// appsettings and before environment variables, so an operator can still override one rule's key from the
/// environment, and it is watched: an edit reloads the rule set without a restart.
/// </summary>
internal static class RulesFile
{
    public const string DefaultName = "rules.json";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, DefaultName);

    public static void Add(IConfigurationBuilder configuration, string? path)
    {
        var source = new JsonConfigurationSource { Path = Path.GetFullPath(path ?? DefaultPath), Optional = false, ReloadOnChange = true };
        source.ResolveFileProvider();
        var afterAppSettings = configuration.Sources.ToList().FindLastIndex(s => s is JsonConfigurationSource) + 1;
        configuration.Sources.Insert(afterAppSettings, source);
    }
}
