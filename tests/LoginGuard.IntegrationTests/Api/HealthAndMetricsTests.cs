using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LoginGuard.IntegrationTests.Api;

public sealed class HealthAndMetricsTests
{
    [Fact]
    public async Task Is_ready_when_redis_the_mail_folder_the_rule_set_and_the_geo_databases_are()
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
        foreach (var name in new[] { "redis", "smtp", "rules", "geoip" })
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

    /// <remarks>
    /// Read from this worker's own meters: test hosts running in parallel in this process publish instruments of
    /// the same names, which one exporter would mix (in service there is one worker per process).
    /// </remarks>
    [Fact]
    public async Task Counts_events_by_type_and_level_times_each_one_and_counts_rule_hits_and_mail()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var worker = await ApiWorker.StartAsync(redis);
        using var recorded = new OwnMeasurements(worker.Services);

        await LearnerEvents.SignInsAsync(worker, "noor");

        recorded.Sum("loginguard.pipeline.events", ("type", "login.failed")).Should().Be(2);
        recorded.Sum("loginguard.pipeline.events", ("type", "login.succeeded")).Should().Be(2);
        recorded.Sum("loginguard.pipeline.events", ("type", "password.changed")).Should().Be(1);
        recorded.Count("loginguard.pipeline.duration").Should().Be(5);
        recorded.Sum("loginguard.scoring.rule.hits", ("rule", "new-device")).Should().Be(1);
        recorded.Sum("loginguard.alerts.queued", ("kind", "password-changed")).Should().Be(1);
        recorded.Sum("loginguard.alerts.queued", ("kind", "new-device")).Should().Be(1);
    }
}
