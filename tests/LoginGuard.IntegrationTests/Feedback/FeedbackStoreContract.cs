using LoginGuard.Contracts;
using LoginGuard.Feedback;
using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.Feedback;

/// <summary>
/// What the store of answers and reports owes the learner whatever Redis it runs on: one redis-server, or a Redis
/// Cluster, where every script must keep to one slot.
/// </summary>
public abstract class FeedbackStoreContract
{
    internal static readonly DateTimeOffset Monday = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);

    internal static readonly FeedbackOptions Options = new() { Reports = new ReportRelayOptions { Lease = TimeSpan.FromMinutes(1) } };

    private readonly string prefix = $"t{Guid.NewGuid():N}:";

    internal FakeTimeProvider Clock { get; } = new(Monday);

    internal abstract IConnectionMultiplexer Redis { get; }

    [Fact]
    public async Task A_wasnt_me_is_kept_with_its_label_and_one_report_owed_until_it_is_published()
    {
        var store = CreateStore();
        var label = Label("e1", "compromised");

        (await store.TakeAsync(label, Claim("e1"), "1.sealed")).Should().BeTrue();
        var claimed = (await store.ClaimDueReportsAsync(10, new HashSet<string>())).Should().ContainSingle().Subject;
        (await store.OldestOwedReportAsync()).Should().Be(Monday);
        await store.MarkReportPublishedAsync(claimed.ReportId);
        Clock.Advance(Options.Reports.Lease * 2);

        claimed.Should().Be(new ClaimedReport(CompromiseReport.IdFor("learner-a", "e1"), "1.sealed", 1, "e1"));
        (await store.LabelsAsync(10)).Should().ContainSingle().Which.Should().Be(label);
        (await store.ClaimDueReportsAsync(10, new HashSet<string>())).Should().BeEmpty("a published report is not sent again");
        (await store.OldestOwedReportAsync()).Should().BeNull();
    }

    [Fact]
    public async Task A_report_claimed_by_a_worker_that_died_is_claimed_again_once_its_lease_runs_out()
    {
        var (died, next) = (CreateStore(), CreateStore());
        await died.TakeAsync(Label("e1", "compromised"), Claim("e1"), "1.sealed");
        (await died.ClaimDueReportsAsync(10, new HashSet<string>())).Should().ContainSingle();

        var duringLease = await next.ClaimDueReportsAsync(10, new HashSet<string>());
        Clock.Advance(Options.Reports.Lease);
        var afterLease = await next.ClaimDueReportsAsync(10, new HashSet<string>());

        duringLease.Should().BeEmpty();
        afterLease.Should().ContainSingle().Which.Attempts.Should().Be(2);
    }

    [Fact]
    public async Task A_report_given_back_or_put_off_is_claimed_when_it_is_due()
    {
        var store = CreateStore();
        await store.TakeAsync(Label("e1", "compromised"), Claim("e1"), "1.sealed");
        await store.TakeAsync(Label("e2", "compromised"), Claim("e2"), "1.sealed");
        var (first, second) = ((await store.ClaimDueReportsAsync(1, new HashSet<string>())).Single(), (await store.ClaimDueReportsAsync(1, new HashSet<string>())).Single());

        (await store.ReleaseReportAsync(first.ReportId)).Should().BeTrue();
        (await store.RetryReportAsync(second.ReportId, Monday.AddSeconds(10), "KafkaException: Broker: Topic authorization failed")).Should().BeTrue();
        var now = await store.ClaimDueReportsAsync(10, new HashSet<string>());
        Clock.Advance(TimeSpan.FromSeconds(10));
        var later = await store.ClaimDueReportsAsync(10, new HashSet<string>());

        now.Should().ContainSingle().Which.ReportId.Should().Be(first.ReportId);
        later.Should().ContainSingle().Which.ReportId.Should().Be(second.ReportId);
    }

    [Fact]
    public async Task A_report_that_outlived_its_retention_unsent_is_claimed_once_as_gone()
    {
        var store = CreateStore();
        await store.TakeAsync(Label("e1", "compromised"), Claim("e1"), "1.sealed");
        var reportId = CompromiseReport.IdFor("learner-a", "e1");

        // What Redis does when the report's time is up; the queue it sits in lives on while other reports come.
        await Redis.GetDatabase().KeyDeleteAsync(new RedisKeys(prefix).FeedbackReport(reportId));

        (await store.ClaimDueReportsAsync(10, new HashSet<string>())).Should().ContainSingle().Which.Should().Be(new ClaimedReport(reportId, null, 0, null));
        (await store.ClaimDueReportsAsync(10, new HashSet<string>())).Should().BeEmpty();
    }

    [Fact]
    public async Task Two_wasnt_mes_about_one_event_owe_one_report_and_leave_one_label()
    {
        var store = CreateStore();

        (await store.TakeAsync(Label("e1", "compromised"), Claim("e1", alertId: "a1"), "1.sealed")).Should().BeTrue();
        (await store.TakeAsync(Label("e1", "compromised"), Claim("e1", alertId: "a2"), "1.sealed")).Should().BeTrue();
        (await store.TakeAsync(Label("e1", "compromised"), Claim("e1", alertId: "a2"), "1.sealed")).Should().BeFalse("each link takes one answer");

        (await store.ClaimDueReportsAsync(10, new HashSet<string>())).Should().ContainSingle();
        (await store.LabelsAsync(10)).Should().ContainSingle();
    }

    [Fact]
    public async Task Exports_a_learners_answers_and_reports_and_forgets_all_of_them_and_no_one_else()
    {
        var store = CreateStore();
        await store.TakeAsync(Label("e1", "legitimate"), Claim("e1"), null);
        await store.TakeAsync(Label("e2", "compromised"), Claim("e2"), "1.sealed");
        await store.TakeAsync(Label("e3", "compromised", learner: "learner-b"), Claim("e3"), "1.sealed");
        var learner = new DataSubject("ana", "learner-a", "hash-of-ana");

        var before = await store.ExportAsync(learner, LearnerMentions.None, default);
        await store.ForgetAsync(learner, LearnerMentions.None, default);
        var after = await store.ExportAsync(learner, LearnerMentions.None, default);

        before["answers"]!.AsArray().Select(a => (string?)a!["eventId"]).Should().Equal("e1", "e2");
        var report = before["reports"]!.AsArray().Should().ContainSingle().Subject!;
        ((string?)report["eventId"]).Should().Be("e2");
        ((string?)report["state"]).Should().Be("pending");
        after["answers"]!.AsArray().Should().BeEmpty();
        after["reports"]!.AsArray().Should().BeEmpty();
        (await store.ClaimDueReportsAsync(10, new HashSet<string>())).Should().ContainSingle("the other learner's report stays owed")
            .Which.EventId.Should().Be("e3");
        (await store.TakeAsync(Label("e1", "legitimate"), Claim("e1"), null)).Should().BeTrue("the erased learner's answers went too");
    }

    private RedisFeedbackStore CreateStore() => new(Redis, new RedisKeys(prefix), Microsoft.Extensions.Options.Options.Create(Options), Clock);

    private FeedbackLabel Label(string eventId, string label, string learner = "learner-a") =>
        new(learner, eventId, label, Clock.GetUtcNow(), FeedbackLabel.MailLink, label == "compromised" ? "high" : "low");

    private FeedbackClaim Claim(string eventId, string alertId = "a1") =>
        new("ana", eventId, AuthEventType.LoginSucceeded, Monday.AddHours(-1), "device", $"{alertId}-{eventId}", Clock.GetUtcNow().AddDays(7));
}
