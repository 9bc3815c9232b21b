using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LoginGuard.Feedback;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.IntegrationTests.Kafka;
using LoginGuard.State;
using LoginGuard.Testing.Kafka;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>
/// Which answer stands when a mail's link is answered more than once, and what label the trainer is left with. A link
/// proves only that its holder reads the mailbox: after an email change that may be the attacker, so "wasn't me"
/// wins over "was me" while the link lives.
/// </summary>
public sealed class WhichAnswerStandsTests(RedisFixture redis, KafkaMockCluster cluster) : IClassFixture<RedisFixture>, IClassFixture<KafkaMockCluster>
{
    [Fact]
    public async Task A_wasnt_me_after_a_was_me_wins_is_published_and_replaces_the_label()
    {
        // Whoever reads the mailbox first may be an attacker who changed the address: their "was me" must not
        // silence the learner's "wasn't me", nor stay behind as a training label.
        var (worker, topic) = await StartAsync();
        await using var _worker = worker;
        var token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "xena"));

        using var attacker = await FeedbackMail.AnswerAsync(worker.Client, token, "was-me");
        using var again = await FeedbackMail.AnswerAsync(worker.Client, token, "was-me");
        using var learner = await FeedbackMail.AnswerAsync(worker.Client, token, "was-not-me");

        attacker.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        learner.StatusCode.Should().Be(HttpStatusCode.OK, "\"wasn't me\" wins within the token's life");
        var published = await TopicClient.ReadAsync(cluster, topic, 1, read => read.Count >= 1, TimeSpan.FromSeconds(15));
        published.Should().ContainSingle().Which.Message.Key.Should().Equal(Encoding.UTF8.GetBytes("xena"));
        var labels = await worker.Client.GetFromJsonAsync<JsonArray>("/v1/feedback/labels");
        ((string?)labels!.Should().ContainSingle().Subject!["label"]).Should().Be("compromised");
    }

    [Fact]
    public async Task A_link_a_worker_before_the_outbox_spent_without_publishing_takes_its_wasnt_me()
    {
        var (worker, topic) = await StartAsync();
        await using var _worker = worker;
        var token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "yara"));

        // What a worker of an earlier version left when it died between spending the link and publishing the report.
        await SetAnswerKeptBeforeAsync(worker, token, "yara", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

        using var retried = await FeedbackMail.AnswerAsync(worker.Client, token, "was-not-me");

        retried.StatusCode.Should().Be(HttpStatusCode.OK, "a report that was never acted on was not answered");
        var published = await TopicClient.ReadAsync(cluster, topic, 1, read => read.Count >= 1, TimeSpan.FromSeconds(15));
        published.Should().ContainSingle().Which.Message.Key.Should().Equal(Encoding.UTF8.GetBytes("yara"));
    }

    private static async Task SetAnswerKeptBeforeAsync(ApiWorker worker, string token, string user, string value)
    {
        var claim = worker.Services.GetRequiredService<FeedbackTokens>().Open(token).Claim!;
        var before = worker.Services.GetRequiredService<RedisKeys>().FeedbackAnsweredBefore(worker.LearnerKey(user), claim.AlertId);
        await worker.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StringSetAsync(before, value, TimeSpan.FromDays(1));
    }

    private async Task<(ApiWorker Worker, string Topic)> StartAsync()
    {
        var topic = cluster.CreateTopic("decisions", 1);
        return (await ApiWorker.StartAsync(redis.Server, decisions: (cluster, topic)), topic);
    }
}
