using LoginGuard.Worker.Api;
using LoginGuard.Worker.Commands;
using LoginGuard.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Testing.Hosting;

/// <remarks>
/// The worker's own builders, not copies: a test's host has the stages, configuration sources and start-up checks the
/// worker has. Not <c>WebApplicationFactory&lt;Program&gt;</c>: Program hands its arguments to System.CommandLine, and
/// the worker picks its backend and whether the API listens from configuration while its host is being built, before a
/// factory's configuration would apply. <see cref="TestServer"/>, which the factory serves through, is used directly.
/// </remarks>
internal sealed partial class WorkerSettings
{
    /// <summary>The address TestServer's clients call: loopback, so the API's settings pass the checks they pass in service.</summary>
    private const string InMemoryApi = "http://localhost";

    private static readonly Dictionary<string, string?> NoDefaults = [];

    /// <summary>The host every command builds (<c>replay</c>, <c>rules test</c>): the pipeline and its stages, no consumer, no API.</summary>
    public HostApplicationBuilder CreateBuilder() => Logged(LoginGuardHost.CreateBuilder(NoDefaults, values));

    /// <summary><c>run</c>'s host, as <c>loginguard run</c> builds it: the pipeline, the Kafka consumer, the API when <c>Api:Url</c> is set.</summary>
    public WebApplicationBuilder CreateRunBuilder() => Logged(RunCommand.CreateBuilder(values));

    /// <summary>
    /// The pipeline with the HTTP API mapped on its host as in <c>run</c>, a test feeding the pipeline itself instead of
    /// Kafka. It answers in memory, through <see cref="TestServer"/> (<c>GetTestClient()</c>); a test that sets
    /// <c>Api:Url</c> gets Kestrel listening there, as <c>run</c> does.
    /// </summary>
    /// <param name="stages">Stages to add before the API, which checks the health of those it finds (Kafka's).</param>
    public WebApplicationBuilder CreateApiBuilder(Action<IServiceCollection>? stages = null)
    {
        var listens = values.TryGetValue("Api:Url", out var url) && !string.IsNullOrEmpty(url);
        var builder = LoginGuardHost.CreateWebBuilder(NoDefaults, listens ? values : values.SetItem("Api:Url", InMemoryApi));
        stages?.Invoke(builder.Services);
        builder.AddApi();
        if (!listens)
        {
            builder.WebHost.UseTestServer();
        }

        return Logged(builder);
    }

    private T Logged<T>(T builder)
        where T : IHostApplicationBuilder
    {
        if (capture is not null)
        {
            if (capture.Everything)
            {
                builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace);
            }

            builder.Logging.AddProvider(capture.Provider);
        }

        return builder;
    }
}
