using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LoginGuard.Contracts;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.IntegrationTests.Kafka;
using LoginGuard.Testing.Kafka;

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
