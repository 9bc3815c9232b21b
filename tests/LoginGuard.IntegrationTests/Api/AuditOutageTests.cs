using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using LoginGuard.Testing.Hosting;
using LoginGuard.Worker.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>
/// No learner's data is read or erased unless the audit log records it: when the log cannot be written, the call
/// is refused and nothing happens, and what the log could not take goes to the error log.
/// </summary>
public sealed class AuditOutageTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Support = "support-key-0123456789-abcdefghijklmnopq";
    private const string Prometheus = "prometheus-key-0123456789-abcdefghijklmn";

    private static WorkerSettings Callers(WorkerSettings worker) => worker
        .ApiKey("support", Support, [ApiScopes.LearnerRead, ApiScopes.LearnerErase])
        .ApiKey("prometheus", Prometheus, [ApiScopes.Metrics]);

    [Fact]
    public async Task An_erasure_the_audit_log_cannot_record_is_refused_with_503_and_erases_nothing()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server, settings: Callers);
        await LearnerEvents.SignInsAsync(worker, "zoe");
        using var support = Caller(worker, Support);

        await BreakAuditLogAsync(worker);
        var refused = await support.DeleteAsync("/v1/users/zoe");
        var export = await support.GetAsync("/v1/users/zoe/export");

        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Audit log unavailable").And.Contain("nothing was done");
        export.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "an export is recorded first as well");

        await RepairAuditLogAsync(worker);
        var activity = await support.GetFromJsonAsync<JsonObject>("/v1/users/zoe/activity");
        activity!["entries"]!.AsArray().Should().NotBeEmpty("the refused erasure erased nothing");
    }

    [Fact]
    public async Task A_refusal_the_audit_log_cannot_record_is_still_refused_and_goes_to_the_error_log()
    {
        var log = new FakeLoggerProvider();
        await using var worker = await ApiWorker.StartAsync(redis.Server, log: log, settings: Callers);
        using var prometheus = Caller(worker, Prometheus);

        await BreakAuditLogAsync(worker);
        var refused = await prometheus.DeleteAsync("/v1/users/mia");

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var lost = log.Collector.GetSnapshot().Where(r => r.Id.Id == EventIds.AuditNotWritten).Should().ContainSingle().Subject;
        lost.Message.Should().Contain("key prometheus").And.Contain("erase of learner " + worker.LearnerKey("mia")).And.Contain("result 403")
            .And.NotContain("mia ", "learners are named by their hash in the log too");
    }

    [Fact]
    public async Task Each_call_reads_back_as_one_entry_with_its_result()
    {
        await using var worker = await ApiWorker.StartAsync(redis.Server, settings: Callers);
        await LearnerEvents.SignInsAsync(worker, "zoe");
        using var support = Caller(worker, Support);

        (await support.GetAsync("/v1/users/zoe/export")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await support.GetAsync("/v1/users/zoe/activity")).StatusCode.Should().Be(HttpStatusCode.OK);

        var stream = await worker.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .StreamLengthAsync(worker.Services.GetRequiredService<RedisKeys>().Audit);
        stream.Should().Be(4, "each call is written as it starts and again with its result");
        var page = await worker.Client.GetFromJsonAsync<JsonObject>("/v1/audit");
        page!["entries"]!.AsArray().Select(e => ((string?)e!["action"], (int?)e["result"])).Should().Equal(("activity", 200), ("export", 200));
    }

    /// <summary>The audit stream's key made a plain string: every append to it fails (WRONGTYPE) while the learners' data stays reachable.</summary>
    private static Task BreakAuditLogAsync(ApiWorker worker) =>
        worker.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .StringSetAsync(worker.Services.GetRequiredService<RedisKeys>().Audit, "not a stream");

    private static Task RepairAuditLogAsync(ApiWorker worker) =>
        worker.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .KeyDeleteAsync(worker.Services.GetRequiredService<RedisKeys>().Audit);

    private static HttpClient Caller(ApiWorker worker, string key)
    {
        var client = worker.ClientWithout();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
