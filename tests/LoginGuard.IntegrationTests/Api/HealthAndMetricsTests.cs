using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoginGuard.IntegrationTests.Alerts;
using LoginGuard.IntegrationTests.Infrastructure;

namespace LoginGuard.IntegrationTests.Api;

public sealed class HealthAndMetricsTests
{
    [Fact]
    public async Task Is_ready_when_redis_the_mail_folder_and_the_rule_set_are()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var worker = await ApiWorker.StartAsync(redis);

        using var live = await worker.Client.GetAsync("/healthz/live");
        using var ready = await worker.Client.GetAsync("/healthz/ready");
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        report.GetProperty("status").GetString().Should().Be("Healthy");
        var checks = report.GetProperty("checks");
        foreach (var name in new[] { "redis", "smtp", "rules" })
        {
            checks.GetProperty(name).GetProperty("status").GetString().Should().Be("Healthy", name);
        }
    }

    [Fact]
    public async Task Is_alive_but_not_ready_while_redis_is_down_and_ready_again_when_it_is_back()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var worker = await ApiWorker.StartAsync(redis);

        redis.Stop();
        using var live = await worker.Client.GetAsync("/healthz/live");
        using var down = await worker.Client.GetAsync("/healthz/ready");
        var report = await down.Content.ReadFromJsonAsync<JsonElement>();
        await redis.RestartAsync();
        var back = await Eventually.StatusAsync(worker.Client, "/healthz/ready", HttpStatusCode.OK);

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        down.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        report.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString().Should().Be("Unhealthy");
        back.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Exposes_events_by_type_and_level_processing_time_rule_hits_and_mail_for_prometheus()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var worker = await ApiWorker.StartAsync(redis);
        await LearnerEvents.SignInsAsync(worker, "noor");
        await worker.ProcessAsync(AuthEvents.Of("evt-noor-again", "login.succeeded", ApiWorker.At(TimeSpan.FromMinutes(5)), "noor"));

        var metrics = await Eventually.TextAsync(worker.Client, "/metrics", "loginguard_alerts_sent");

        metrics.Should().MatchRegex(@"loginguard_pipeline_events_total\{[^}]*level=""none""[^}]*type=""login\.succeeded""[^}]*\} [1-9]");
        metrics.Should().MatchRegex(@"loginguard_pipeline_events_total\{[^}]*type=""login\.failed""[^}]*\} 2");
        metrics.Should().Contain("loginguard_pipeline_duration_seconds_bucket");
        metrics.Should().MatchRegex(@"loginguard_scoring_rule_hits_total\{[^}]*rule=""new-device""");
        metrics.Should().MatchRegex(@"loginguard_alerts_queued_total\{[^}]*kind=""password-changed""[^}]*\} 1");
        metrics.Should().Contain("loginguard_alerts_oldest_queued_age");
    }
}
