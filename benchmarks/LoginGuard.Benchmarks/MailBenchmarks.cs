using System.Net;
using BenchmarkDotNet.Attributes;
using LoginGuard.Alerts;
using LoginGuard.Alerts.Content;
using LoginGuard.Alerts.Delivery;
using LoginGuard.Contracts;
using Microsoft.Extensions.Options;

namespace LoginGuard.Benchmarks;

/// <summary>
/// What one alert mail costs the worker before it reaches the relay: after a burst the outbox fell thousands of
/// mails behind while the worker spent about a core on it (docs/performance.md).
/// </summary>
[MemoryDiagnoser]
public class MailBenchmarks
{
    private readonly AlertMessageBuilder builder = new(Options.Create(new AlertMailOptions()), Options.Create(new SmtpOptions { From = "LoginGuard <security@example.org>" }));
    private Alert alert = null!;
    private string folder = null!;
    private PickupFolderAlertSender pickup = null!;
    private int sent;

    [GlobalSetup]
    public void Setup()
    {
        var signIn = new MailedEvent(
            "evt_0123456789abcdef01234567", AuthEventType.LoginSucceeded, new DateTimeOffset(2026, 10, 5, 18, 42, 0, TimeSpan.Zero),
            IPAddress.Parse("81.57.10.20"), "ana.lima@example.org", "Ana Lima", "fr-FR", "Safari on iPhone",
            new MailedPlace("FR", "France", "Lyon", "Europe/Paris"));
        alert = new Alert(Alert.IdFor("learner-hash", signIn.EventId, AlertKind.NewDevice), AlertKind.NewDevice, signIn, "ana.lima@example.org")
        {
            LearnerTimeZone = "Europe/Paris",
        };
        folder = Directory.CreateTempSubdirectory("loginguard-mail-bench-").FullName;
        pickup = new PickupFolderAlertSender(Options.Create(new SmtpOptions { PickupDirectory = folder }));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [Benchmark(Baseline = true, Description = "Build a new-device mail (texts, MIME, 7-bit)")]
    public object Build() => builder.Build(alert);

    [Benchmark(Description = "Build and write it to memory")]
    public long BuildAndWrite()
    {
        using var stream = new MemoryStream();
        builder.Build(alert).WriteTo(stream);
        return stream.Length;
    }

    [Benchmark(Description = "Build and drop it into a pickup folder")]
    public async Task BuildAndPickUp()
    {
        var mail = alert with { AlertId = Alert.IdFor("learner-hash", $"evt_{sent++:x24}", AlertKind.NewDevice) };
        await pickup.SendAsync(mail, builder.Build(mail), CancellationToken.None);
    }
}
