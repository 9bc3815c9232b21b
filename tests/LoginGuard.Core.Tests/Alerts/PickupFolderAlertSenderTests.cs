using LoginGuard.Alerts.Delivery;
using LoginGuard.Contracts;
using Microsoft.Extensions.Options;
using MimeKit;
using static LoginGuard.Core.Tests.Alerts.AlertFixtures;

namespace LoginGuard.Core.Tests.Alerts;

public sealed class PickupFolderAlertSenderTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "loginguard-pickup-" + Guid.NewGuid().ToString("N"));
    private readonly PickupFolderAlertSender sender;

    public PickupFolderAlertSenderTests()
    {
        sender = new PickupFolderAlertSender(Options.Create(new SmtpOptions { PickupDirectory = directory }));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Writes_one_mail_file_per_alert_named_by_its_id()
    {
        var newDevice = Alert(AlertKind.NewDevice);
        var passwordChanged = Alert(AlertKind.PasswordChanged);

        await sender.SendAsync(newDevice, Build(newDevice), CancellationToken.None);
        await sender.SendAsync(passwordChanged, Build(passwordChanged), CancellationToken.None);

        Directory.GetFiles(directory).Select(Path.GetFileName)
            .Should().BeEquivalentTo($"{newDevice.AlertId}.eml", $"{passwordChanged.AlertId}.eml");
        var written = await MimeMessage.LoadAsync(Path.Combine(directory, $"{newDevice.AlertId}.eml"));
        written.MessageId.Should().Be($"{newDevice.AlertId}@loginguard.local");
    }

    [Fact]
    public async Task A_redelivered_event_never_makes_a_second_mail_file()
    {
        var alert = Alert();
        var path = Path.Combine(directory, $"{alert.AlertId}.eml");
        await sender.SendAsync(alert, Build(alert), CancellationToken.None);
        var first = await File.ReadAllBytesAsync(path);

        var redelivered = Build(alert);
        redelivered.Subject = "changed";
        await sender.SendAsync(alert, redelivered, CancellationToken.None);

        Directory.GetFiles(directory).Should().ContainSingle();
        (await File.ReadAllBytesAsync(path)).Should().Equal(first);
    }

    [Fact]
    public async Task Redeliveries_racing_each_other_still_leave_one_whole_file_and_no_temporary_ones()
    {
        var alert = Alert();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => sender.SendAsync(alert, Build(alert), CancellationToken.None))));

        Directory.GetFiles(directory).Should().ContainSingle().Which.Should().EndWith($"{alert.AlertId}.eml");
        (await MimeMessage.LoadAsync(Path.Combine(directory, $"{alert.AlertId}.eml"))).TextBody.Should().Contain("Camille Martin");
    }

    [Fact]
    public async Task Refuses_an_alert_id_that_would_leave_the_directory()
    {
        var alert = Alert() with { AlertId = "../escape" };

        await FluentActions.Awaiting(() => sender.SendAsync(alert, Build(Alert()), CancellationToken.None))
            .Should().ThrowAsync<ArgumentException>();
        Directory.Exists(directory).Should().BeFalse();
    }
}
