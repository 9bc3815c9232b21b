using LoginGuard.Pipeline;
using LoginGuard.Scoring.Anomaly;
using Microsoft.Extensions.Configuration.Memory;

namespace LoginGuard.Worker.Hosting;

/// <summary>The host every command shares: configuration sources, then one stage after another in pipeline order.</summary>
internal static class LoginGuardHost
{
    /// <param name="defaults">Used only where no other source (appsettings, environment) sets the key.</param>
    /// <param name="overrides">Win over every other source: what a command's own arguments decide.</param>
    /// <param name="rulesFile">The rules file to score with; null for the <c>rules.json</c> beside the binaries.</param>
    public static HostApplicationBuilder CreateBuilder(
        IReadOnlyDictionary<string, string?> defaults,
        IReadOnlyDictionary<string, string?> overrides,
        string? rulesFile = null) =>
        Configure(Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory }), defaults, overrides, rulesFile);

    /// <summary>The same host as a web application, for <c>run</c>: the HTTP API is served from it, not from a second host.</summary>
    public static WebApplicationBuilder CreateWebBuilder(
        IReadOnlyDictionary<string, string?> defaults,
        IReadOnlyDictionary<string, string?> overrides,
        string? rulesFile = null) =>
        Configure(WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory }), defaults, overrides, rulesFile);

    private static T Configure<T>(T builder, IReadOnlyDictionary<string, string?> defaults, IReadOnlyDictionary<string, string?> overrides, string? rulesFile)
        where T : IHostApplicationBuilder
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = FoundFiles() });
        RulesFile.Add(builder.Configuration, rulesFile);
        builder.Configuration.AddInMemoryCollection(overrides);

        builder.Services.AddLoginGuard(builder.Configuration);
        return builder;
    }

    /// <summary>The committed model, wherever the repository or the image keeps it, unless configuration says otherwise.</summary>
    private static Dictionary<string, string?> FoundFiles() =>
        SampleData.FindInRepository("models/login-anomaly.zip") is { } model
            ? new() { [$"{AnomalyModelOptions.Section}:Path"] = model }
            : [];
}
