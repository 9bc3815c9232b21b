using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using LoginGuard.Contracts;
using LoginGuard.Feedback;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Testing.Kafka;
using Microsoft.Extensions.Options;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>
/// The feedback crash test: a real <c>loginguard run</c> takes a learner's "wasn't me" while Kafka is away and is
/// killed with SIGKILL before it could publish the report; the worker that replaces it publishes the report, once.
/// </summary>
public sealed class KilledFeedbackWorkerTests(KafkaMockCluster cluster) : IClassFixture<KafkaMockCluster>
{
    private const string ApiKey = "test-api-key-0123456789-abcdefghijklmnop";
    private const string ReviewUrl = "https://learnwell.example/account/security/review";
    private static readonly string TokenKey = Convert.ToBase64String(SHA256.HashData("loginguard-tests-feedback-key"u8));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_wasnt_me_taken_by_a_worker_killed_before_publishing_it_reaches_kafka_once_from_the_worker_that_replaces_it()
    {
        var topics = KafkaTopics.Create(cluster, partitions: 1);
        await using var workers = await ProductionWorkers.StartAsync(cluster, topics);
        var token = TokenFor("nora", "evt-nora-phone");
        var (first, firstApi) = await StartWithApiAsync(workers);

        HttpStatusCode taken;
        cluster.SetAllBrokers(up: false);
        try
        {
            using var answered = await firstApi.PostAsJsonAsync("/v1/feedback", new { token, answer = "was-not-me" });
            taken = answered.StatusCode;
            first.KillNow();
        }
        finally
        {
            cluster.SetAllBrokers(up: true);
            firstApi.Dispose();
        }

        var publishedBeforeReplacement = await TopicClient.ReadAsync(cluster, topics.Decisions, 1, _ => true, TimeSpan.FromSeconds(5), settle: TimeSpan.FromSeconds(2));
        var (_, nextApi) = await StartWithApiAsync(workers);
        using var _nextApi = nextApi;
        var reports = await TopicClient.ReadAsync(cluster, topics.Decisions, 1, read => read.Count >= 1, Patience, settle: TimeSpan.FromSeconds(3));
        using var again = await nextApi.PostAsJsonAsync("/v1/feedback", new { token, answer = "was-not-me" });
        var afterAgain = await TopicClient.ReadAsync(cluster, topics.Decisions, 1, read => read.Count >= 1, Patience, settle: TimeSpan.FromSeconds(2));

        taken.Should().Be(HttpStatusCode.OK, "the learner was told their answer is taken");
        publishedBeforeReplacement.Should().BeEmpty("the kill landed before Kafka had the report");
        var report = reports.Should().ContainSingle("the replacement publishes the report the killed worker owed, once").Subject.Message;
        Encoding.UTF8.GetString(report.Key!).Should().Be("nora");
        var decision = DecisionJson.Deserialize(report.Value);
        decision.EventId.Should().Be("evt-nora-phone");
        decision.Reasons.Should().ContainSingle(r => r.Rule == "learner-reported");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict, "the answer was kept and its report went out");
        afterAgain.Should().ContainSingle();
    }

    private async Task<(WorkerProcess Worker, HttpClient Api)> StartWithApiAsync(ProductionWorkers workers)
    {
        var port = FreePort.Next();
        var worker = workers.Start(new Dictionary<string, string?>
        {
            ["Api:Url"] = $"http://127.0.0.1:{port}",
            ["Api:Keys:review:Secret"] = ApiKey,
            ["Api:Keys:review:Scopes:0"] = "feedback",
            ["Feedback:TokenKey"] = TokenKey,
            ["Feedback:ReviewUrl"] = ReviewUrl,

            // How long a report the killed worker had claimed waits before the replacement sends it.
            ["Feedback:Reports:Lease"] = "00:00:03",
            ["Feedback:Reports:PollInterval"] = "00:00:00.200",
        });
        var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        api.DefaultRequestHeaders.Add(Worker.Api.ApiKey.Header, ApiKey);
        await Until.TrueAsync(
            async () =>
            {
                try
                {
                    using var live = await api.GetAsync("/healthz/live");
                    return live.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            Patience,
            "the worker's API answers");
        return (worker, api);
    }

    /// <summary>The token a mail about this event would carry: sealed with the key the workers are given.</summary>
    private static string TokenFor(string userId, string eventId)
    {
        var tokens = new FeedbackTokens(Options.Create(new FeedbackOptions { TokenKey = TokenKey, ReviewUrl = ReviewUrl }), TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        var alertId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)).AsSpan(0, 16));
        return tokens.Seal(new FeedbackClaim(userId, eventId, AuthEventType.LoginSucceeded, now.AddHours(-1), "device", alertId, now.AddDays(1)));
    }
}
