namespace LoginGuard.IntegrationTests.Api;

/// <summary>
/// Alone, not beside other test classes: OpenTelemetry stops collecting every Meter of a name once any Meter of
/// that name is disposed (open-telemetry/opentelemetry-dotnet#6412), and test hosts that finish in parallel dispose
/// theirs, which once left this scrape with no LoginGuard metric at all. A worker in service is one host per process.
/// </summary>
[Collection(nameof(PrometheusScrape))]
public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task Serves_every_loginguard_metric_to_prometheus()
    {
        await using var redis = await RedisServer.StartAsync();

        // Over a socket, as Prometheus scrapes: the one API test where the worker listens on Api:Url as run does (the
        // others answer in memory), so a worker that stopped listening where it is told fails here.
        await using var worker = await ApiWorker.StartAsync(redis, onLoopback: true);
        await LearnerEvents.SignInsAsync(worker, "noor");

        var metrics = await Eventually.TextAsync(worker.Client, "/metrics", "loginguard_alerts_sent_total");

        foreach (var name in new[]
        {
            "loginguard_pipeline_events_total", "loginguard_pipeline_duration_seconds_bucket", "loginguard_scoring_rule_hits_total",
            "loginguard_alerts_queued_total", "loginguard_alerts_sent_total", "loginguard_alerts_oldest_queued_age_seconds",
        })
        {
            metrics.Should().Contain(name);
        }
    }
}

[CollectionDefinition(nameof(PrometheusScrape), DisableParallelization = true)]
public sealed class PrometheusScrape;
