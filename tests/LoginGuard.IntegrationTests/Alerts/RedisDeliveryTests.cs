using LoginGuard.Alerts.Content;
using LoginGuard.IntegrationTests.Infrastructure;
using static LoginGuard.Testing.AuthEvents;

namespace LoginGuard.IntegrationTests.Alerts;

/// <summary>The production shape: alerts wait in a real redis-server and outlive the worker that queued them.</summary>
public sealed class RedisDeliveryTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Alerts_queued_by_a_worker_that_stopped_are_sent_once_by_the_next_one()
    {
        await using var smtp = SmtpTestServer.Start();
        await smtp.StopAsync();
        var prefix = RedisFixture.NewPrefix();

        await using (var first = await AlertWorker.StartAsync(smtp.Port, redis.Server.Configuration, prefix))
        {
            for (var i = 0; i < 4; i++)
            {
                await first.ProcessAsync(PasswordChanged($"e{i}", user: $"learner-{i}"));
            }

            await Task.Delay(300);
            (await first.Store.OldestQueuedAtAsync(CancellationToken.None)).Should().NotBeNull("the mail server is down, so the alerts wait");
        }

        smtp.Restart();
        await using var second = await AlertWorker.StartAsync(smtp.Port, redis.Server.Configuration, prefix);

        await smtp.WaitForAsync(4);
        await Task.Delay(300);
        smtp.Received.Select(m => m.Headers[AlertMessageBuilder.EventIdHeader]).Should().BeEquivalentTo(["e0", "e1", "e2", "e3"]);
        (await second.Store.OldestQueuedAtAsync(CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Two_workers_sharing_the_outbox_send_each_alert_once()
    {
        await using var smtp = SmtpTestServer.Start();
        var prefix = RedisFixture.NewPrefix();
        await using var first = await AlertWorker.StartAsync(smtp.Port, redis.Server.Configuration, prefix);
        await using var second = await AlertWorker.StartAsync(smtp.Port, redis.Server.Configuration, prefix);

        for (var i = 0; i < 20; i++)
        {
            await (i % 2 == 0 ? first : second).ProcessAsync(PasswordChanged($"e{i}", user: $"learner-{i}"));
        }

        await smtp.WaitForAsync(20);
        await Task.Delay(300);
        smtp.Received.Should().HaveCount(20);
        smtp.Received.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Two_workers_and_a_slow_relay_send_each_mail_once()
    {
        // Each message takes longer to accept than a tenth of the lease, so a batch claimed under one lease
        // cannot all be sent before it ends: the other worker finds the rest due again while the first still sends.
        await using var smtp = SmtpTestServer.Start();
        smtp.AnswerDelay = TimeSpan.FromMilliseconds(250);
        var prefix = RedisFixture.NewPrefix();
        var slowRelay = new Dictionary<string, string?> { ["Alerts:Outbox:Lease"] = "00:00:01", ["Alerts:Outbox:BatchSize"] = "10" };
        await using var first = await AlertWorker.StartAsync(smtp.Port, redis.Server.Configuration, prefix, slowRelay);
        await using var second = await AlertWorker.StartAsync(smtp.Port, redis.Server.Configuration, prefix, slowRelay);

        for (var i = 0; i < 10; i++)
        {
            await first.ProcessAsync(PasswordChanged($"e{i}", user: $"learner-{i}"));
        }

        await smtp.WaitForAsync(10, TimeSpan.FromSeconds(30));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await first.Store.OldestQueuedAtAsync(CancellationToken.None) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // Whatever a worker still sends once the outbox looks empty arrives within one answer or so.
        await Task.Delay(smtp.AnswerDelay * 4);
        smtp.Received.Select(m => m.Headers[AlertMessageBuilder.EventIdHeader]).Should().BeEquivalentTo(
            Enumerable.Range(0, 10).Select(i => $"e{i}"), "each learner gets each mail once, counted where it arrives");
    }
}
