using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using LoginGuard.Contracts;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.IntegrationTests.Kafka;
using LoginGuard.Testing.Kafka;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>
/// Once the learner is told their "wasn't me" is taken, its report reaches Kafka, once, whatever happens to Kafka or to
/// the worker next; an answer that was not recorded is refused so that the learner sends it again. Real Redis, the
/// mock Kafka cluster, a worker stopped and another started over the same Redis.
/// </summary>
public sealed class FeedbackDeliveryTests(RedisFixture redis, KafkaMockCluster cluster) : IClassFixture<RedisFixture>, IClassFixture<KafkaMockCluster>
{
    private const string ReportIdHeader = "loginguard.report-id";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_wasnt_me_sent_while_kafka_is_down_is_taken_and_reaches_kafka_once_it_is_back()
    {
        var topic = cluster.CreateTopic("decisions", 1);
        await using var worker = await StartAsync(topic);
        var token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "olga"));

        HttpResponseMessage answered;
        JsonArray? labelsDuringOutage;
        cluster.SetAllBrokers(up: false);
        try
        {
            answered = await FeedbackMail.AnswerAsync(worker.Client, token, "was-not-me");

            // Down for longer than the old 10 s wait for the cluster, so only a report kept for later can get through.
            await Task.Delay(TimeSpan.FromSeconds(12));
            labelsDuringOutage = await worker.Client.GetFromJsonAsync<JsonArray>("/v1/feedback/labels");
        }
        finally
        {
            cluster.SetAllBrokers(up: true);
        }

        answered.StatusCode.Should().Be(HttpStatusCode.OK, "the answer and its report are kept together; Kafka takes the report when it can");
        ((string?)labelsDuringOutage!.Should().ContainSingle().Subject!["label"]).Should().Be("compromised");
        var report = (await ReadAsync(topic)).Should().ContainSingle().Subject.Message;
        Encoding.UTF8.GetString(report.Key!).Should().Be("olga");
        DecisionJson.Deserialize(report.Value).EventId.Should().Be("evt-olga-phone");
        report.Headers.TryGetLastBytes(ReportIdHeader, out var reportId).Should().BeTrue("consumers act once per report id");
        reportId.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_wasnt_me_taken_before_its_worker_stopped_reaches_kafka_once_from_the_next_worker()
    {
        var topic = cluster.CreateTopic("decisions", 1);
        var prefix = RedisFixture.NewPrefix();
        string token;
        HttpStatusCode taken;
        cluster.SetAllBrokers(up: false);
        try
        {
            await using var first = await StartAsync(topic, prefix);
            token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(first, "pia"));
            using var answered = await FeedbackMail.AnswerAsync(first.Client, token, "was-not-me");
            taken = answered.StatusCode;
        }
        finally
        {
            cluster.SetAllBrokers(up: true);
        }

        var beforeNextWorker = await TopicClient.ReadAsync(cluster, topic, 1, _ => true, TimeSpan.FromSeconds(5), settle: TimeSpan.FromSeconds(2));
        await using var next = await StartAsync(topic, prefix);
        var reports = await ReadAsync(topic);
        using var again = await FeedbackMail.AnswerAsync(next.Client, token, "was-not-me");
        var afterAgain = await ReadAsync(topic);

        taken.Should().Be(HttpStatusCode.OK);
        beforeNextWorker.Should().BeEmpty("the worker stopped before Kafka could take the report");
        reports.Should().ContainSingle().Which.Message.Key.Should().Equal(Encoding.UTF8.GetBytes("pia"));
        again.StatusCode.Should().Be(HttpStatusCode.Conflict, "the answer was kept, and its report went out");
        afterAgain.Should().ContainSingle("a repeated answer sends no second report");
    }

    [Fact]
    public async Task A_report_the_cluster_refuses_at_first_is_sent_again_until_it_is_taken()
    {
        var topic = cluster.CreateTopic("decisions", 1);
        await using var worker = await StartAsync(topic);
        var token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "quinn"));
        var leader = cluster.Leaders(topic)[0];
        for (var i = 0; i < 3; i++)
        {
            cluster.FailNextRequest(leader, KafkaMockCluster.ApiKey.Produce, ErrorCode.TopicAuthorizationFailed);
        }

        using var answered = await FeedbackMail.AnswerAsync(worker.Client, token, "was-not-me");
        var reports = await ReadAsync(topic);

        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        cluster.PendingFaults(leader, KafkaMockCluster.ApiKey.Produce).Should().Be(0, "the cluster refused the report three times");
        reports.Should().ContainSingle().Which.Message.Key.Should().Equal(Encoding.UTF8.GetBytes("quinn"));
    }

    [Fact]
    public async Task An_answer_redis_could_not_keep_is_refused_as_not_taken_and_taken_when_sent_again()
    {
        var topic = cluster.CreateTopic("decisions", 1);
        await using var worker = await StartAsync(topic);
        var token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, "rosa"));

        HttpResponseMessage refused;
        redis.Server.Stop();
        try
        {
            refused = await FeedbackMail.AnswerAsync(worker.Client, token, "was-not-me");
        }
        finally
        {
            await redis.Server.RestartAsync();
        }

        var beforeRetry = await TopicClient.ReadAsync(cluster, topic, 1, _ => true, TimeSpan.FromSeconds(5), settle: TimeSpan.FromSeconds(2));
        HttpResponseMessage? taken = null;
        await Until.TrueAsync(
            async () => (taken = await FeedbackMail.AnswerAsync(worker.Client, token, "was-not-me")).StatusCode != HttpStatusCode.ServiceUnavailable,
            Patience,
            "the worker reconnects to Redis");
        var reports = await ReadAsync(topic);

        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "nothing was recorded: the learner must send it again");
        ApiWorker.ContentType(refused)!.MediaType.Should().Be("application/problem+json");
        beforeRetry.Should().BeEmpty("a report is sent only for an answer that was kept");
        taken!.StatusCode.Should().Be(HttpStatusCode.OK, "a lost answer is not an answered link");
        reports.Should().ContainSingle();
    }

    [Fact]
    public async Task A_report_waiting_for_kafka_keeps_no_account_id_or_email_in_redis()
    {
        const string User = "learner-5521-nadia";
        var topic = cluster.CreateTopic("decisions", 1);
        await using var worker = await StartAsync(topic);
        var token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, User, events: "n"));

        Dictionary<string, string> dump;
        cluster.SetAllBrokers(up: false);
        try
        {
            using var answered = await FeedbackMail.AnswerAsync(worker.Client, token, "was-not-me");
            answered.StatusCode.Should().Be(HttpStatusCode.OK);
            dump = await LearnerTraces.DumpAsync(Connection(worker), worker.Prefix);
        }
        finally
        {
            cluster.SetAllBrokers(up: true);
        }

        (await ReadAsync(topic)).Should().ContainSingle("the report was waiting in Redis");
        var outsideActivity = dump.Where(e => !e.Key.EndsWith(":a", StringComparison.Ordinal) && !e.Key.EndsWith(":ae", StringComparison.Ordinal)).ToDictionary();
        outsideActivity.Should().Contain(e => e.Key.Contains(":report:", StringComparison.Ordinal) && e.Value.Contains("evt-n-phone", StringComparison.Ordinal), "the report waited in Redis");
        LearnerTraces.Mentioning(outsideActivity, [User, User + "@example.org"]).Should().BeEmpty();
    }

    [Fact]
    public async Task A_learners_export_shows_their_report_waiting_for_kafka_and_erasing_them_leaves_none_of_it_in_redis()
    {
        const string User = "sofia";
        var topic = cluster.CreateTopic("decisions", 1);
        await using var worker = await StartAsync(topic);
        var token = FeedbackMail.TokenOf(await FeedbackMail.NewPhoneMailAsync(worker, User));

        JsonObject? export;
        Dictionary<string, string> dump;
        cluster.SetAllBrokers(up: false);
        try
        {
            (await FeedbackMail.AnswerAsync(worker.Client, token, "was-not-me")).StatusCode.Should().Be(HttpStatusCode.OK);
            export = await worker.Client.GetFromJsonAsync<JsonObject>($"/v1/users/{User}/export");
            (await worker.Client.DeleteAsync($"/v1/users/{User}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
            dump = await LearnerTraces.DumpAsync(Connection(worker), worker.Prefix);
        }
        finally
        {
            cluster.SetAllBrokers(up: true);
        }

        var report = export!["reports"]!.AsArray().Should().ContainSingle().Subject!;
        ((string?)report["eventId"]).Should().Be($"evt-{User}-phone");
        ((string?)report["state"]).Should().Be("pending");
        var left = LearnerTraces.LeftByErasure(dump, worker.Prefix, worker.LearnerKey(User));
        LearnerTraces.Mentioning(left, [worker.LearnerKey(User), $"evt-{User}-phone"]).Should().BeEmpty("the erased learner's report went with the rest");

        // A report a worker had already handed to Kafka's client may still arrive, as a mail being sent may; never twice.
        (await TopicClient.ReadAsync(cluster, topic, 1, _ => true, TimeSpan.FromSeconds(5), settle: TimeSpan.FromSeconds(3))).Should().HaveCountLessThanOrEqualTo(1);
    }

    private Task<ApiWorker> StartAsync(string topic, string? prefix = null) =>
        ApiWorker.StartAsync(redis.Server, decisions: (cluster, topic), settings: worker => worker
            .Redis(redis.Server.Configuration, prefix ?? RedisFixture.NewPrefix())
            .With("Feedback:Reports:PollInterval", "00:00:00.200")
            .With("Feedback:Reports:RetryBaseDelay", "00:00:00.200"));


    /// <summary>The topic from its start once it holds a report and has been quiet a while, so a second copy would show.</summary>
    private Task<List<ConsumeResult<byte[]?, byte[]?>>> ReadAsync(string topic) =>
        TopicClient.ReadAsync(cluster, topic, 1, read => read.Count >= 1, Patience, settle: TimeSpan.FromSeconds(2));

    private static IConnectionMultiplexer Connection(ApiWorker worker) =>
        (IConnectionMultiplexer)worker.Services.GetService(typeof(IConnectionMultiplexer))!;
}
