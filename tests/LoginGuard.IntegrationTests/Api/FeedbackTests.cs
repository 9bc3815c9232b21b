using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LoginGuard.Contracts;
using LoginGuard.Feedback;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.IntegrationTests.Kafka;
using LoginGuard.State;
using LoginGuard.Testing.Kafka;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>The "was this you?" answer, from the link in a real mail to the decision on a real (mock) Kafka cluster.</summary>
public sealed class FeedbackTests(RedisFixture redis, KafkaMockCluster cluster) : IClassFixture<RedisFixture>, IClassFixture<KafkaMockCluster>
{
    [Fact]
    public async Task The_alert_mail_links_only_to_the_review_page_with_a_sealed_token()
    {
        var (worker, _) = await StartAsync();
        await using var _worker = worker;

        var mail = await FeedbackMail.NewPhoneMailAsync(worker, "ruth");

        var link = FeedbackMail.ReviewLink(mail);
        link.Should().StartWith(ApiWorker.ReviewUrl + "/");
        var token = link[(ApiWorker.ReviewUrl.Length + 1)..];
        token.Should().MatchRegex("^1\\.[A-Za-z0-9_-]{40,}$", "the key id, then the sealed bytes");
        foreach (var revealing in new[] { "ruth", "evt-ruth", "example.org" })
        {
            link.Should().NotContainEquivalentOf(revealing);
        }
    }

    [Fact]
    public async Task A_learner_who_says_it_was_not_them_gets_a_compromise_decision_published_and_the_event_labelled()
    {
        var (worker, topic) = await StartAsync();
        await using var _worker = worker;
        var mail = await FeedbackMail.NewPhoneMailAsync(worker, "sami");

        using var response = await worker.Client.PostAsJsonAsync("/v1/feedback", new { token = FeedbackMail.TokenOf(mail), answer = "was-not-me" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var published = await TopicClient.ReadAsync(cluster, topic, 1, read => read.Count >= 1, TimeSpan.FromSeconds(15));
        var message = published.Should().ContainSingle().Subject.Message;
        Encoding.UTF8.GetString(message.Key!).Should().Be("sami");
        var decision = DecisionJson.Deserialize(message.Value);
        decision.EventId.Should().Be("evt-sami-phone");
        decision.RiskLevel.Should().Be(RiskLevel.High);
        decision.Reasons.Should().ContainSingle(r => r.Rule == "learner-reported");
        var labels = await worker.Client.GetFromJsonAsync<JsonArray>("/v1/feedback/labels");
        labels!.Should().ContainSingle();
        ((string?)labels[0]!["eventId"]).Should().Be("evt-sami-phone");
        ((string?)labels[0]!["label"]).Should().Be("compromised");
        ((string?)labels[0]!["trust"]).Should().Be("high", "nothing overrules a reported compromise");
        ((string?)labels[0]!["source"]).Should().Be("mail-link");
    }

    [Fact]
    public async Task A_learner_who_says_it_was_them_confirms_the_device_and_nothing_is_published()
    {
        var (worker, topic) = await StartAsync();
        await using var _worker = worker;
        var mail = await FeedbackMail.NewPhoneMailAsync(worker, "tara");

        using var response = await worker.Client.PostAsJsonAsync("/v1/feedback", new { token = FeedbackMail.TokenOf(mail), answer = "was-me" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var labels = await worker.Client.GetFromJsonAsync<JsonArray>("/v1/feedback/labels");
        var label = labels!.Should().ContainSingle().Subject!;
        ((string?)label["label"]).Should().Be("legitimate");
        ((string?)label["trust"]).Should().Be("low", "the link proves only that someone reads the mailbox");
        (await TopicClient.ReadAsync(cluster, topic, 1, _ => true, TimeSpan.FromSeconds(2))).Should().BeEmpty();
    }

    [Fact]
    public async Task A_link_takes_one_answer()
    {
        var (worker, _) = await StartAsync();
        await using var _worker = worker;
        var token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "umar"));

        using var first = await worker.Client.PostAsJsonAsync("/v1/feedback", new { token, answer = "was-not-me" });
        using var second = await worker.Client.PostAsJsonAsync("/v1/feedback", new { token, answer = "was-me" });
        using var third = await worker.Client.PostAsJsonAsync("/v1/feedback", new { token, answer = "was-not-me" });

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.Conflict, "a \"was me\" cannot take back a reported compromise");
        third.StatusCode.Should().Be(HttpStatusCode.Conflict);
        ApiWorker.ContentType(second)!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task A_wasnt_me_after_a_was_me_wins_is_published_and_replaces_the_label()
    {
        // Whoever reads the mailbox first may be an attacker who changed the address: their "was me" must not
        // silence the learner's "wasn't me", nor stay behind as a training label.
        var (worker, topic) = await StartAsync();
        await using var _worker = worker;
        var token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "xena"));

        using var attacker = await worker.Client.PostAsJsonAsync("/v1/feedback", new { token, answer = "was-me" });
        using var again = await worker.Client.PostAsJsonAsync("/v1/feedback", new { token, answer = "was-me" });
        using var learner = await worker.Client.PostAsJsonAsync("/v1/feedback", new { token, answer = "was-not-me" });

        attacker.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        learner.StatusCode.Should().Be(HttpStatusCode.OK, "\"wasn't me\" wins within the token's life");
        var published = await TopicClient.ReadAsync(cluster, topic, 1, read => read.Count >= 1, TimeSpan.FromSeconds(15));
        published.Should().ContainSingle().Which.Message.Key.Should().Equal(Encoding.UTF8.GetBytes("xena"));
        var labels = await worker.Client.GetFromJsonAsync<JsonArray>("/v1/feedback/labels");
        ((string?)labels!.Should().ContainSingle().Subject!["label"]).Should().Be("compromised");
    }

    [Fact]
    public async Task A_wasnt_me_left_half_done_by_a_crash_is_taken_when_the_learner_sends_it_again()
    {
        var (worker, topic) = await StartAsync();
        await using var _worker = worker;
        var token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "yara"));

        // What a worker that died between spending the link and publishing the report left behind.
        var claim = worker.Services.GetRequiredService<FeedbackTokens>().Open(token).Claim!;
        var keys = worker.Services.GetRequiredService<RedisKeys>();
        var spent = keys.FeedbackAnswered(worker.LearnerKey("yara"), claim.AlertId);
        await worker.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .StringSetAsync(spent, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), TimeSpan.FromDays(1));

        using var retried = await worker.Client.PostAsJsonAsync("/v1/feedback", new { token, answer = "was-not-me" });

        retried.StatusCode.Should().Be(HttpStatusCode.OK, "a report that was never acted on was not answered");
        var published = await TopicClient.ReadAsync(cluster, topic, 1, read => read.Count >= 1, TimeSpan.FromSeconds(15));
        published.Should().ContainSingle().Which.Message.Key.Should().Equal(Encoding.UTF8.GetBytes("yara"));
    }

    [Fact]
    public async Task A_report_kafka_does_not_take_is_refused_and_the_link_stays_good_for_when_it_is_back()
    {
        var (worker, topic) = await StartAsync();
        await using var _worker = worker;
        var token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "wren"));

        for (var broker = 1; broker <= KafkaMockCluster.Brokers; broker++)
        {
            cluster.SetBrokerDown(broker);
        }

        using var refused = await worker.Client.PostAsJsonAsync("/v1/feedback", new { token, answer = "was-not-me" });
        for (var broker = 1; broker <= KafkaMockCluster.Brokers; broker++)
        {
            cluster.SetBrokerUp(broker);
        }

        using var taken = await worker.Client.PostAsJsonAsync("/v1/feedback", new { token, answer = "was-not-me" });

        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ApiWorker.ContentType(refused)!.MediaType.Should().Be("application/problem+json");
        taken.StatusCode.Should().Be(HttpStatusCode.OK);
        var published = await TopicClient.ReadAsync(cluster, topic, 1, read => read.Count >= 1, TimeSpan.FromSeconds(15));
        published.Should().NotBeEmpty().And.OnlyContain(r => DecisionJson.Deserialize(r.Message.Value).EventId == "evt-wren-phone");
    }

    [Theory]
    [InlineData("tampered", "was-me")]
    [InlineData("valid", "maybe")]
    [InlineData("", "was-me")]
    public async Task Refuses_a_tampered_token_or_an_unknown_answer_with_problem_details(string token, string answer)
    {
        var (worker, _) = await StartAsync();
        await using var _worker = worker;
        var real = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "vera"));
        var sent = token switch
        {
            "tampered" => real[..10] + (real[10] == 'A' ? 'B' : 'A') + real[11..],
            "valid" => real,
            _ => token,
        };

        using var response = await worker.Client.PostAsJsonAsync("/v1/feedback", new { token = sent, answer });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ApiWorker.ContentType(response)!.MediaType.Should().Be("application/problem+json");
    }

    private async Task<(ApiWorker Worker, string Topic)> StartAsync()
    {
        var topic = cluster.CreateTopic("decisions", 1);
        return (await ApiWorker.StartAsync(redis.Server, decisions: (cluster, topic)), topic);
    }
}
