using LoginGuard.Worker.Commands;
using LoginGuard.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Testing.Hosting;

/// <remarks>
/// The worker's own builders, not copies: a test's host has the stages, configuration sources and start-up checks the
/// worker has.
/// </remarks>
internal sealed partial class WorkerSettings
{
    private static readonly Dictionary<string, string?> NoDefaults = [];

    /// <summary>The host every command builds (<c>replay</c>, <c>rules test</c>): the pipeline and its stages, no consumer, no API.</summary>
    public HostApplicationBuilder CreateBuilder() => Logged(LoginGuardHost.CreateBuilder(NoDefaults, values));

    /// <summary><c>run</c>'s host, as <c>loginguard run</c> builds it: the pipeline, the Kafka consumer, the API when <c>Api:Url</c> is set.</summary>
    public WebApplicationBuilder CreateRunBuilder() => Logged(RunCommand.CreateBuilder(values));

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
