using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.Testing;
using LoginGuard.Worker.Hosting;
using LoginGuard.Worker.Api;

namespace LoginGuard.IntegrationTests.Api;

public sealed class LearnerApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiWorker Worker => fixture.Worker;

    [Theory]
    [InlineData("GET", "/v1/users/ana/activity")]
    [InlineData("GET", "/v1/users/ana/export")]
    [InlineData("DELETE", "/v1/users/ana")]
    [InlineData("GET", "/v1/decisions/evt-1")]
    [InlineData("GET", "/healthz/ready")]
    [InlineData("GET", "/metrics")]
    [InlineData("GET", "/no/such/path")]
    public async Task Answers_nothing_without_the_api_key(string method, string path)
    {
        using var client = Worker.ClientWithout();
        using var missing = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var wrong = new HttpRequestMessage(new HttpMethod(method), path);
        wrong.Headers.Add(ApiKey.Header, ApiWorker.Key[..^1] + "x");
        using var guessed = await client.SendAsync(wrong);

        foreach (var response in new[] { missing, guessed })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            ApiWorker.ContentType(response)!.MediaType.Should().Be("application/problem+json");
        }
    }

    [Fact]
    public async Task Shows_a_learner_their_sign_ins_newest_first_with_device_place_result_and_mails()
    {
        var ids = await LearnerEvents.SignInsAsync(Worker, "lina");

        var page = await Worker.Client.GetFromJsonAsync<JsonObject>("/v1/users/lina/activity");

        page!["retentionDays"]!.GetValue<int>().Should().Be(30);
        var entries = page["entries"]!.AsArray();
        entries.Select(e => (string?)e!["eventId"]).Should().Equal(ids.Reverse());
        var phone = entries[1]!;
        ((string?)phone["device"]).Should().Be("Safari on iPhone");
        ((string?)phone["ip"]).Should().Be("81.57.10.20");
        ((string?)phone["type"]).Should().Be("login.succeeded");
        phone["alerts"]!.AsArray().Select(a => (string?)a).Should().Equal("new-device");
        ((string?)entries[0]!["place"]).Should().NotBeNullOrEmpty();
        entries[0]!["alerts"]!.AsArray().Select(a => (string?)a).Should().Equal("password-changed");
        ((string?)entries[2]!["type"]).Should().Be("login.failed");
    }

    [Fact]
    public async Task Exports_everything_kept_about_a_learner_as_json()
    {
        var ids = await LearnerEvents.SignInsAsync(Worker, "omar");

        var export = await Worker.Client.GetFromJsonAsync<JsonObject>("/v1/users/omar/export");

        ((string?)export!["userId"]).Should().Be("omar");
        ((string?)export["storedUnder"]).Should().Be(Worker.LearnerKey("omar"));
        export["history"]!["devices"]!.AsArray().Should().HaveCount(2);
        export["history"]!["failures"]!.AsArray().Should().HaveCount(2);
        export["decisions"]!.AsArray().Select(d => (string?)d!["eventId"]).Should().BeEquivalentTo(ids);
        export["activity"]!.AsArray().Should().HaveCount(ids.Count);
        export["mails"]!.AsArray().Select(m => (string?)m!["kind"]).Should().BeEquivalentTo(["new-device", "password-changed"]);
    }

    [Fact]
    public async Task Explains_a_decision_with_its_reasons_and_the_rule_set_that_made_it()
    {
        var ids = await LearnerEvents.SignInsAsync(Worker, "ines");
        var decided = await Worker.ProcessAsync(AuthEvents.Of("evt-ines-explained", "login.succeeded", ApiWorker.At(TimeSpan.FromMinutes(30)), "ines", userAgent: AuthEvents.Phone));

        using var response = await Worker.Client.GetAsync($"/v1/decisions/{ids[3]}");
        var explained = await response.Content.ReadFromJsonAsync<JsonObject>();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var decision = explained!["decision"]!;
        ((string?)decision["eventId"]).Should().Be(ids[3]);
        ((string?)decision["ruleSetVersion"]).Should().Be(decided.RuleSetVersion);
        decision["reasons"]!.AsArray().Select(r => (string?)r!["rule"]).Should().Contain("new-device");
        ((string?)decision["context"]!["device"]).Should().Be("Safari on iPhone");
        ((string?)explained["inForceNow"]!["ruleSetVersion"]).Should().Be(decided.RuleSetVersion);
        ((string?)explained["inForceNow"]!["model"]).Should().Be(AnomalyModel.VersionOf(SampleData.FindInRepository("models/login-anomaly.zip")!));
    }

    [Fact]
    public async Task A_decision_asked_for_under_a_learner_is_found_only_under_its_own()
    {
        var ids = await LearnerEvents.SignInsAsync(Worker, "jade");

        using var own = await Worker.Client.GetAsync($"/v1/decisions/{ids[0]}?userId=jade");
        using var other = await Worker.Client.GetAsync($"/v1/decisions/{ids[0]}?userId=ines");

        own.StatusCode.Should().Be(HttpStatusCode.OK);
        other.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/v1/decisions/evt-unknown", HttpStatusCode.NotFound)]
    [InlineData("/v1/decisions/evt-unknown?userId=ines", HttpStatusCode.NotFound)]
    [InlineData("/v1/decisions/evt-1?userId=%01bad", HttpStatusCode.BadRequest)]
    [InlineData("/v1/users/%01bad/activity", HttpStatusCode.BadRequest)]
    [InlineData("/v1/no/such/endpoint", HttpStatusCode.NotFound)]
    public async Task Answers_a_bad_or_unknown_request_with_problem_details(string path, HttpStatusCode expected)
    {
        using var response = await Worker.Client.GetAsync(path);

        response.StatusCode.Should().Be(expected);
        ApiWorker.ContentType(response)!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be((int)expected);
    }

    [Fact]
    public async Task Rejects_a_user_id_longer_than_the_event_contract_allows()
    {
        using var response = await Worker.Client.GetAsync($"/v1/users/{new string('u', 129)}/export");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ApiWorker.ContentType(response)!.MediaType.Should().Be("application/problem+json");
    }
}
