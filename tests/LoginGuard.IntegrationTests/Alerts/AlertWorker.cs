using System.Text;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using LoginGuard.Pipeline;
using Microsoft.Extensions.Configuration;
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

    private readonly ServiceProvider services;
    private readonly List<IHostedService> started = [];

    private AlertWorker(ServiceProvider services) => this.services = services;

    public LoginPipeline Pipeline => services.GetRequiredService<LoginPipeline>();

    public IOutboxStore Store => services.GetRequiredService<IOutboxStore>();

    public IAlertOutbox Outbox => services.GetRequiredService<IAlertOutbox>();

    public static async Task<AlertWorker> StartAsync(int smtpPort, string? redis = null, string keyPrefix = "lg:", IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = From,
            ["Smtp:Timeout"] = "00:00:05",
            ["Redis:Configuration"] = redis,
            ["Redis:KeyPrefix"] = keyPrefix,
            ["Alerts:Outbox:PollInterval"] = "00:00:00.050",
            ["Alerts:Outbox:RetryBaseDelay"] = "00:00:00.050",
            ["Alerts:Outbox:RetryMaxDelay"] = "00:00:00.200",
            ["Alerts:Outbox:Lease"] = "00:00:10",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Worker.Hosting.RulesFile.DefaultPath)
            .AddInMemoryCollection(settings)
            .Build();
        var worker = new AlertWorker(new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddLoginGuard(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
        foreach (var hosted in worker.services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            worker.started.Add(hosted);
        }

        return worker;
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
        foreach (var hosted in Enumerable.Reverse(started))
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await services.DisposeAsync();
    }
}
