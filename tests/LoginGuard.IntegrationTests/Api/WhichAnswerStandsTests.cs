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
/// wins over "was me" while the link lives, and each label says how far it is trusted.
/// </summary>
public sealed class WhichAnswerStandsTests(RedisFixture redis, KafkaMockCluster cluster) : IClassFixture<RedisFixture>, IClassFixture<KafkaMockCluster>
{
    [Fact]
    public async Task A_wasnt_me_after_a_was_me_wins_is_published_and_replaces_the_label_with_a_trusted_one()
    {
        // Whoever reads the mailbox first may be an attacker who changed the address: their "was me" must not
        // silence the learner's "wasn't me", nor stay behind as a training label.
        var (worker, topic) = await StartAsync();
        await using var _worker = worker;
        var token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "xena"));

        using var attacker = await FeedbackMail.AnswerAsync(worker.Client, token, "was-me");
        var labelsBefore = await worker.Client.GetFromJsonAsync<JsonArray>("/v1/feedback/labels");
        using var again = await FeedbackMail.AnswerAsync(worker.Client, token, "was-me");
        using var learner = await FeedbackMail.AnswerAsync(worker.Client, token, "was-not-me");

        attacker.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string?)labelsBefore!.Should().ContainSingle().Subject!["trust"]).Should().Be("low", "a \"was me\" proves only access to the mailbox");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        learner.StatusCode.Should().Be(HttpStatusCode.OK, "\"wasn't me\" wins within the token's life");
        var published = await TopicClient.ReadAsync(cluster, topic, 1, read => read.Count >= 1, TimeSpan.FromSeconds(15));
        published.Should().ContainSingle().Which.Message.Key.Should().Equal(Encoding.UTF8.GetBytes("xena"));
        var label = (await worker.Client.GetFromJsonAsync<JsonArray>("/v1/feedback/labels"))!.Should().ContainSingle().Subject!;
        ((string?)label["label"]).Should().Be("compromised");
        ((string?)label["trust"]).Should().Be("high");
        ((string?)label["source"]).Should().Be("mail-link");
    }

    [Fact]
    public async Task Once_its_link_has_expired_a_wasnt_me_is_refused_and_the_was_me_stands()
    {
        var (worker, topic) = await StartAsync();
        await using var _worker = worker;
        var tokens = worker.Services.GetRequiredService<FeedbackTokens>();
        var mailed = tokens.Open(FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "yusuf"))).Claim!;
        var token = tokens.Seal(mailed with { ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(2) });

        using var wasMe = await FeedbackMail.AnswerAsync(worker.Client, token, "was-me");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using var wasntMe = await FeedbackMail.AnswerAsync(worker.Client, token, "was-not-me");

        wasMe.StatusCode.Should().Be(HttpStatusCode.OK);
        wasntMe.StatusCode.Should().Be(HttpStatusCode.BadRequest, "\"wasn't me\" wins only while the link lives");
        ((string?)(await wasntMe.Content.ReadFromJsonAsync<JsonObject>())!["detail"]).Should().Contain("expired");
        var label = (await worker.Client.GetFromJsonAsync<JsonArray>("/v1/feedback/labels"))!.Should().ContainSingle().Subject!;
        ((string?)label["label"]).Should().Be("legitimate");
        ((string?)label["trust"]).Should().Be("low");
        (await TopicClient.ReadAsync(cluster, topic, 1, _ => true, TimeSpan.FromSeconds(2))).Should().BeEmpty();
    }

    [Fact]
    public async Task A_was_me_through_another_mail_of_the_same_event_leaves_its_wasnt_me_and_its_one_report_standing()
    {
        // The mail about an email change goes to the old address too: two links, one event.
        var (worker, topic) = await StartAsync();
        await using var _worker = worker;
        var tokens = worker.Services.GetRequiredService<FeedbackTokens>();
        var newAddress = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "zara"));
        var oldAddress = tokens.Seal(tokens.Open(newAddress).Claim! with { AlertId = "0123456789abcdef0123456789abcdef" });

        using var learner = await FeedbackMail.AnswerAsync(worker.Client, oldAddress, "was-not-me");
        using var attacker = await FeedbackMail.AnswerAsync(worker.Client, newAddress, "was-me");
        using var learnerAgain = await FeedbackMail.AnswerAsync(worker.Client, newAddress, "was-not-me");

        learner.StatusCode.Should().Be(HttpStatusCode.OK);
        attacker.StatusCode.Should().Be(HttpStatusCode.OK, "each mail's link takes its own answer");
        learnerAgain.StatusCode.Should().Be(HttpStatusCode.OK, "and a \"wasn't me\" over it");
        var label = (await worker.Client.GetFromJsonAsync<JsonArray>("/v1/feedback/labels"))!.Should().ContainSingle("one label per event").Subject!;
        ((string?)label["label"]).Should().Be("compromised");
        ((string?)label["trust"]).Should().Be("high");
        (await TopicClient.ReadAsync(cluster, topic, 1, read => read.Count >= 1, TimeSpan.FromSeconds(15), settle: TimeSpan.FromSeconds(2)))
            .Should().ContainSingle("the event was reported once");
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

    [Fact]
    public async Task A_was_me_taken_before_the_outbox_still_answers_its_link_and_a_wasnt_me_replaces_its_label()
    {
        var (worker, topic) = await StartAsync();
        await using var _worker = worker;
        var token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "wanda"));

        // What an earlier version kept for a "was me": the answer under the learner's tag, the label in the stream alone.
        await SetAnswerKeptBeforeAsync(worker, token, "wanda", "legitimate");
        var keys = worker.Services.GetRequiredService<RedisKeys>();
        await worker.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StreamAddAsync(
            keys.FeedbackLabels,
            [new("learner", worker.LearnerKey("wanda")), new("eventId", "evt-wanda-phone"), new("label", "legitimate"), new("at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture))]);

        using var wasMeAgain = await FeedbackMail.AnswerAsync(worker.Client, token, "was-me");
        using var wasntMe = await FeedbackMail.AnswerAsync(worker.Client, token, "was-not-me");

        wasMeAgain.StatusCode.Should().Be(HttpStatusCode.Conflict, "the link was answered before the upgrade");
        wasntMe.StatusCode.Should().Be(HttpStatusCode.OK);
        var label = (await worker.Client.GetFromJsonAsync<JsonArray>("/v1/feedback/labels"))!.Should().ContainSingle().Subject!;
        ((string?)label["label"]).Should().Be("compromised");
        (await TopicClient.ReadAsync(cluster, topic, 1, read => read.Count >= 1, TimeSpan.FromSeconds(15))).Should().ContainSingle();
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
