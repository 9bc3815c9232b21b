using System.Text;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using LoginGuard.Pipeline;
using LoginGuard.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LoginGuard.IntegrationTests.Alerts;

/// <summary>
/// The worker's pipeline and alert delivery, pointed at a test's SMTP server (and Redis when given), with the
/// dispatcher running and retries short enough for a test to wait out.
/// </summary>
internal sealed class AlertWorker : IAsyncDisposable
{
    public const string From = "Learnwell Security <security@learnwell.example>";

    private readonly IHost host;

    private AlertWorker(IHost host) => this.host = host;

    public LoginPipeline Pipeline => host.Services.GetRequiredService<LoginPipeline>();

    public IOutboxStore Store => host.Services.GetRequiredService<IOutboxStore>();

    public IAlertOutbox Outbox => host.Services.GetRequiredService<IAlertOutbox>();

    /// <param name="redis">Where the outbox and state live; null keeps them in the process.</param>
    public static async Task<AlertWorker> StartAsync(int smtpPort, string? redis = null, string keyPrefix = "lg:", IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new WorkerSettings()
            .Smtp(smtpPort)
            .With("Smtp:From", From)
            .With("Smtp:Timeout", "00:00:05")
            .With("Alerts:Outbox:PollInterval", "00:00:00.050")
            .With("Alerts:Outbox:RetryBaseDelay", "00:00:00.050")
            .With("Alerts:Outbox:RetryMaxDelay", "00:00:00.200")
            .With("Alerts:Outbox:Lease", "00:00:10");
        settings = (redis is null ? settings.InMemory() : settings.Redis(redis, keyPrefix)).With(extra);
        var host = settings.CreateBuilder().Build();
        await host.StartAsync();
        return new AlertWorker(host);
    }

    public async Task<Decision> ProcessAsync(string json)
    {
        var outcome = await Pipeline.ProcessAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None);
        return outcome.Should().BeOfType<Decided>().Subject.Decision;
    }

    /// <summary>Waits until the outbox's failed list holds <paramref name="count"/> alerts.</summary>
    public async Task<IReadOnlyList<FailedAlert>> WaitForFailedAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        IReadOnlyList<FailedAlert> failed = [];
        while (DateTime.UtcNow < deadline && (failed = await Store.FailedAsync(100, CancellationToken.None)).Count < count)
        {
            await Task.Delay(20);
        }

        return failed;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
