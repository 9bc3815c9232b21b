using LoginGuard.Alerts.Content;
using LoginGuard.Contracts;
using LoginGuard.IntegrationTests.Infrastructure;
using MimeKit;
using static LoginGuard.Testing.AuthEvents;

namespace LoginGuard.IntegrationTests.Alerts;

/// <summary>
/// A second new device within the throttle window reaches the learner, counted at a real SMTP server. The window is
/// two seconds here so the wall clock can close it while the test waits.
/// </summary>
public sealed class NewDeviceSummaryDeliveryTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Linux = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private static readonly Dictionary<string, string?> ShortWindow = new() { ["Alerts:Throttle:Window"] = "00:00:02" };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_second_new_device_within_the_window_reaches_the_learner_when_the_window_ends(bool inRedis)
    {
        await using var smtp = SmtpTestServer.Start();
        await using var worker = await AlertWorker.StartAsync(smtp.Port, inRedis ? redis.Server.Configuration : null, RedisFixture.NewPrefix(), ShortWindow);

        await worker.ProcessAsync(Of("e1", "login.succeeded", "2026-10-01T08:00:00Z"));
        (await worker.ProcessAsync(Of("e2", "login.succeeded", "2026-10-03T08:00:00Z", userAgent: Phone))).Alerts.Should().Equal(AlertKind.NewDevice);
        (await worker.ProcessAsync(Of("e3", "login.succeeded", "2026-10-03T08:00:01Z", userAgent: Linux))).Alerts.Should().BeEmpty("the throttle holds it for the summary");

        var mail = await smtp.WaitForAsync(2, TimeSpan.FromSeconds(15));
        ToldEvents(mail).Should().BeEquivalentTo([(string[])["e2"], ["e3"]]);
        mail.Should().OnlyContain(m => m.Headers[AlertMessageBuilder.AlertHeader] == "new-device");
        mail.Single(m => m.Headers[AlertMessageBuilder.EventIdHeader] == "e3").TextBody.Should().Contain("Firefox").And.Contain("(1 in all)");
    }

    [Fact]
    public async Task A_window_left_open_by_a_stopped_worker_is_told_once_by_the_next_one()
    {
        await using var smtp = SmtpTestServer.Start();
        var prefix = RedisFixture.NewPrefix();
        await using (var first = await AlertWorker.StartAsync(smtp.Port, redis.Server.Configuration, prefix, ShortWindow))
        {
            await first.ProcessAsync(Of("e1", "login.succeeded", "2026-10-01T08:00:00Z"));
            await first.ProcessAsync(Of("e2", "login.succeeded", "2026-10-03T08:00:00Z", userAgent: Phone));
            await first.ProcessAsync(Of("e3", "login.succeeded", "2026-10-03T08:00:01Z", userAgent: Linux));
            await smtp.WaitForAsync(1);
        }

        await using var second = await AlertWorker.StartAsync(smtp.Port, redis.Server.Configuration, prefix, ShortWindow);
        await second.ProcessAsync(Of("e3", "login.succeeded", "2026-10-03T08:00:01Z", userAgent: Linux));

        await smtp.WaitForAsync(2, TimeSpan.FromSeconds(15));

        // Long enough for a doubled summary to arrive: the dispatcher polls every 50 ms here.
        await Task.Delay(TimeSpan.FromSeconds(1));
        ToldEvents(smtp.Received).Should().BeEquivalentTo([(string[])["e2"], ["e3"]], "the redelivered sign-in was told once, in the summary");
    }

    private static IEnumerable<string[]> ToldEvents(IEnumerable<MimeMessage> mail) =>
        mail.Select(m => m.Headers.Where(h => h.Field == AlertMessageBuilder.EventIdHeader).Select(h => h.Value).ToArray());
}
