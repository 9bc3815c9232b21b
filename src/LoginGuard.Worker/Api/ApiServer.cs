using Microsoft.Extensions.Options;

namespace LoginGuard.Worker.Api;

/// <summary>Starts the API with the worker and stops it first, so no request reaches stores being disposed.</summary>
internal sealed class ApiServer(IServiceProvider worker, IOptions<ApiOptions> options) : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsEnabled)
        {
            return;
        }

        app = ApiApplication.Build(worker, options.Value.Url!);
        await app.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => app?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
