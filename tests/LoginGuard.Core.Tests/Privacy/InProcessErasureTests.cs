using LoginGuard.Activity;
using LoginGuard.Alerts;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using LoginGuard.Core.Tests.Pipeline;
using LoginGuard.Enrichment;
using LoginGuard.LearnerRecords;
using LoginGuard.Pipeline;
using LoginGuard.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.Core.Tests.Privacy;

/// <summary>The embedded replay keeps state in the process; an account.deleted event must empty it of the learner there too.</summary>
public sealed class InProcessErasureTests : IDisposable
{
    private const string Windows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    private const string Iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private readonly PipelineHarness harness = new();

    [Fact]
    public async Task An_account_deleted_event_forgets_the_learners_history_decisions_activity_and_mail()
    {
        foreach (var user in new[] { "zoe", "mia" })
        {
            await harness.DecideAsync(Event($"{user}-1", user, Windows, hoursAgo: 5));
            await harness.DecideAsync(Event($"{user}-2", user, Windows, hoursAgo: 4, "login.failed"));
            await harness.DecideAsync(Event($"{user}-3", user, Iphone, hoursAgo: 3));
        }

        var mailedToZoe = Alert.IdFor(Learner("zoe"), "zoe-3", AlertKind.NewDevice);
        (await Outbox.StateAsync(mailedToZoe, default)).Should().NotBeNull();

        await harness.DecideAsync(Event("zoe-deleted", "zoe", Windows, hoursAgo: 1, "account.deleted"));

        (await Activity.ReadAsync(Learner("zoe"), default)).Should().BeEmpty();
        (await Outbox.StateAsync(mailedToZoe, default)).Should().BeNull();
        (await harness.DecideAsync(Event("zoe-1", "zoe", Windows, hoursAgo: 5))).Duplicate.Should().BeFalse("her decisions are forgotten");
        (await harness.DecideAsync(Event("mia-1", "mia", Windows, hoursAgo: 5))).Duplicate.Should().BeTrue("Mia's decisions stay");
        (await Activity.ReadAsync(Learner("mia"), default)).Should().HaveCount(3);
    }

    [Fact]
    public async Task Events_of_a_deleted_account_that_arrive_after_its_deletion_are_published_as_erased_and_kept_nowhere()
    {
        await harness.DecideAsync(Event("zoe-1", "zoe", Windows, hoursAgo: 5));
        await harness.DecideAsync(Event("mia-1", "mia", Windows, hoursAgo: 5));
        await harness.DecideAsync(Event("zoe-deleted", "zoe", Windows, hoursAgo: 2, "account.deleted"));

        // Still in flight when the account went: a sign-in on a new phone, a failure, and the first sign-in delivered again.
        var late = await harness.SendAsync(Event("zoe-late", "zoe", Iphone, hoursAgo: 3));
        var failed = await harness.SendAsync(Event("zoe-failed", "zoe", Iphone, hoursAgo: 3, "login.failed"));
        var again = await harness.SendAsync(Event("zoe-1", "zoe", Windows, hoursAgo: 5));
        var after = await harness.SendAsync(Event("zoe-after", "zoe", Iphone, hoursAgo: 1));

        foreach (var outcome in new[] { late, failed, again, after })
        {
            var decided = outcome.Should().BeOfType<Decided>().Subject;
            decided.Decision.Reasons.Should().ContainSingle().Which.Rule.Should().Be(ErasedLearners.RuleId);
            decided.Decision.RiskLevel.Should().Be(RiskLevel.None);
            decided.Decision.Alerts.Should().BeEmpty();
            decided.Decision.RuleSetVersion.Should().Be(ErasedLearners.RuleSetVersion);
            decided.Publication.Should().BeNull("no decision is kept to mark published");
        }

        (await Activity.ReadAsync(Learner("zoe"), default)).Should().BeEmpty();
        (await Outbox.StateAsync(Alert.IdFor(Learner("zoe"), "zoe-late", AlertKind.NewDevice), default)).Should().BeNull();
        harness.Mail.Should().NotContain(m => m.To.ToString().Contains("zoe", StringComparison.Ordinal), "nothing was mailed to the deleted account");
        var export = await harness.Services.GetRequiredService<LearnerExporter>().ExportAsync("zoe", default);
        export["history"].Should().BeNull();
        export["decisions"]!.AsArray().Should().BeEmpty();
        ((bool?)export["erasure"]!["accountDeleted"]).Should().BeTrue("the tombstone is all that is kept of her");
        (await harness.DecideAsync(Event("mia-2", "mia", Iphone, hoursAgo: 1))).Alerts.Should().Equal([AlertKind.NewDevice], "Mia is watched as before");
    }

    [Fact]
    public async Task An_account_deleted_event_batched_with_the_learners_sign_ins_leaves_no_activity_behind()
    {
        string[] batch = [Event("zoe-1", "zoe", Windows, hoursAgo: 3), Event("zoe-2", "zoe", Iphone, hoursAgo: 2), Event("zoe-deleted", "zoe", Windows, hoursAgo: 1, "account.deleted")];

        await harness.Pipeline.ProcessAsync([.. batch.Select(json => (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes(json))], CancellationToken.None);

        (await Activity.ReadAsync(Learner("zoe"), default)).Should().BeEmpty();
        (await Outbox.StateAsync(Alert.IdFor(Learner("zoe"), "zoe-2", AlertKind.NewDevice), default)).Should().BeNull();
    }

    public void Dispose() => harness.Dispose();

    private IActivityLog Activity => harness.Services.GetRequiredService<IActivityLog>();

    private IOutboxStore Outbox => harness.Services.GetRequiredService<IOutboxStore>();

    private string Learner(string userId) => harness.Services.GetRequiredService<StateKeyMaker>().Learner(userId);

    private static string Event(string id, string user, string userAgent, int hoursAgo, string type = "login.succeeded") =>
        AuthEvents.Of(id, type, AuthEvents.HoursAgo(hoursAgo), user, userAgent, displayName: "Zoë");
}
