namespace LoginGuard.Worker.Api;

/// <summary>Hands the API's log lines to the worker's logger factory, so they go wherever the worker's go, after the API's own filters.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory worker) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => worker.CreateLogger(categoryName);

    public void Dispose()
    {
        // The worker owns its factory.
    }
}
