using System.Net.Http.Json;
using System.Text;
using LoginGuard.Ingestion;
using LoginGuard.IntegrationTests.Api;
using LoginGuard.IntegrationTests.Replay;
using LoginGuard.Testing.Kafka;
using LoginGuard.Testing.Logging;
using Microsoft.Extensions.Logging.Testing;
using MimeKit;

namespace LoginGuard.IntegrationTests.Privacy;

public sealed class ApiLogPrivacyTests
{
    [Fact]
    public async Task Logs_of_the_sample_stream_in_redis_and_every_endpoint_never_contain_an_address_a_user_agent_an_email_a_name_or_an_account_id()
    {
        var capture = new FakeLoggerProvider();
        using var cluster = new KafkaMockCluster();
        await using var redis = await RedisServer.StartAsync();
        var events = File.ReadLines(ReplayCommandTests.SampleFile).ToList();
        var learners = events.Select(line => EventParser.Parse(Encoding.UTF8.GetBytes(line)).Event?.UserId).OfType<string>().Distinct().Take(5).ToList();

        await using (var worker = await ApiWorker.StartAsync(redis, capture, (cluster, cluster.CreateTopic("decisions", 1))))
        {
            var pipeline = worker.Services.GetService(typeof(Pipeline.LoginPipeline)) as Pipeline.LoginPipeline;
            foreach (var line in events)
            {
                await pipeline!.ProcessAsync(Encoding.UTF8.GetBytes(line), CancellationToken.None);
            }

            foreach (var user in learners)
            {
                await worker.Client.GetAsync($"/v1/users/{user}/activity");
                await worker.Client.GetAsync($"/v1/users/{user}/export");
                await worker.Client.GetAsync($"/v1/decisions/no-such-event?userId={user}");
                await worker.Client.DeleteAsync($"/v1/users/{user}");
            }

            var mail = await MimeMessage.LoadAsync(Directory.GetFiles(worker.Pickup, "*.eml").First());
            var link = mail.TextBody!.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(ApiWorker.ReviewUrl, StringComparison.Ordinal));
            var answered = await worker.Client.PostAsJsonAsync("/v1/feedback", new { token = link[(ApiWorker.ReviewUrl.Length + 1)..], answer = "was-not-me" });
            answered.EnsureSuccessStatusCode();
            await worker.Client.GetAsync("/healthz/ready");
        }

        var lines = capture.Collector.Everything();
        var log = string.Join("\n", lines);
        var personal = LogPrivacyTests.PersonalValues().Concat(learners).ToList();

        log.Should().Contain("Erased everything kept under learner").And.Contain("labelled event")
            .And.Contain("Microsoft.Extensions.Diagnostics.HealthChecks", "the API's own log lines are searched too");
        personal.Should().HaveCountGreaterThan(100);
        lines.Where(line => personal.Exists(value => line.Contains(value, StringComparison.OrdinalIgnoreCase))).Should().BeEmpty();
    }
}
