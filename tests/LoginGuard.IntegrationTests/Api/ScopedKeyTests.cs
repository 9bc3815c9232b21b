using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Testing.Hosting;
using LoginGuard.Worker.Api;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>Each caller's key grants only its scopes, what it reads of learners is audited, and it is held to its rate.</summary>
public sealed class ScopedKeyTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Prometheus = "prometheus-key-0123456789-abcdefghijklmn";
    private const string Support = "support-key-0123456789-abcdefghijklmnopq";
    private const string Auditor = "auditor-key-0123456789-abcdefghijklmnopq";
    private const string Hasty = "hasty-key-0123456789-abcdefghijklmnopqrst";

    private static WorkerSettings Callers(WorkerSettings worker) => worker
        .ApiKey("prometheus", Prometheus, [ApiScopes.Metrics])
        .ApiKey("support", Support, [ApiScopes.LearnerRead, ApiScopes.LearnerErase, ApiScopes.DecisionsRead])
        .ApiKey("auditor", Auditor, [ApiScopes.AuditRead])
        .ApiKey("hasty", Hasty, [ApiScopes.Metrics], permitsPerMinute: 2);

    [Fact]
    public async Task A_metrics_key_reads_metrics_but_gets_403_on_export_and_erasure()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server, settings: Callers);
        await LearnerEvents.SignInsAsync(worker, "zoe");
        using var prometheus = Caller(worker, Prometheus);

        (await prometheus.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await prometheus.GetAsync("/v1/users/zoe/export")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await prometheus.DeleteAsync("/v1/users/zoe")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await prometheus.GetAsync("/v1/users/zoe/activity")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var support = Caller(worker, Support);
        var activity = await support.GetFromJsonAsync<JsonObject>("/v1/users/zoe/activity");
        activity!["entries"]!.AsArray().Should().NotBeEmpty("a forbidden erasure erases nothing");
    }

    [Fact]
    public async Task Whether_the_process_answers_needs_no_key()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server, settings: Callers);
        using var anyone = worker.ClientWithout();

        (await anyone.GetAsync("/healthz/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anyone.GetAsync("/healthz/ready")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_export_erasure_and_decision_read_leaves_an_audit_entry_only_audit_read_can_see()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server, settings: Callers);
        var events = await LearnerEvents.SignInsAsync(worker, "zoe");
        using var support = Caller(worker, Support);
        using var prometheus = Caller(worker, Prometheus);
        using var auditor = Caller(worker, Auditor);

        (await support.GetAsync("/v1/users/zoe/export")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await support.GetAsync($"/v1/decisions/{events[0]}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await support.DeleteAsync("/v1/users/zoe")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await prometheus.DeleteAsync("/v1/users/mia")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await support.GetAsync("/v1/audit")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "who read whom is for the auditors");
        var audit = await auditor.GetFromJsonAsync<JsonObject>("/v1/audit");
        var entries = audit!["entries"]!.AsArray().Select(e => (
            KeyId: (string?)e!["keyId"], Action: (string?)e["action"], Learner: (string?)e["learner"], Result: (int?)e["result"])).ToList();
        var zoe = worker.LearnerKey("zoe");
        entries.Should().Equal(
            [
                ("prometheus", "erase", worker.LearnerKey("mia"), 403),
                ("support", "erase", zoe, 204),
                ("support", "decision-read", zoe, 200),
                ("support", "export", zoe, 200),
            ],
            "newest first, each with who, what, whom (as the learner's hash) and the result");
        audit.ToJsonString().Should().NotContain("\"zoe\"", "the audit log names learners by their hash");
        audit["entries"]!.AsArray().Should().OnlyContain(e => DateTimeOffset.Parse((string)e!["at"]!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task A_key_over_its_rate_gets_429_and_other_keys_keep_theirs()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server, settings: Callers);
        using var hasty = Caller(worker, Hasty);
        using var prometheus = Caller(worker, Prometheus);

        (await hasty.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await hasty.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await hasty.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await prometheus.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static HttpClient Caller(ApiWorker worker, string key)
    {
        var client = worker.ClientWithout();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
