using System.Net;
using LoginGuard.Alerts;
using LoginGuard.Alerts.Content;
using LoginGuard.Alerts.Delivery;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LoginGuard.IntegrationTests.Alerts;

/// <summary>What every outbox must do; the in-process and the Redis outbox each run this suite.</summary>
public abstract class OutboxStoreContract
{
    internal static readonly DateTimeOffset Monday = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);

    internal static readonly AlertOutboxOptions OutboxOptions = new() { Lease = TimeSpan.FromMinutes(1) };

    internal static readonly AlertThrottleOptions Throttle = new() { MaxNewDeviceMails = 1, Window = TimeSpan.FromHours(1) };

    internal static readonly SuspiciousActivityOptions Suspicion = new() { QuietPeriod = TimeSpan.FromDays(1) };

    internal FakeTimeProvider Clock { get; } = new(Monday);

    internal abstract IOutboxStore CreateStore();

    [Fact]
    public async Task Keeps_an_alert_until_it_is_claimed_and_gives_back_what_the_mail_needs()
    {
        var store = CreateStore();
        var alert = AlertFor("e1", AlertKind.EmailChanged, recipient: "old@example.org");

        (await store.EnqueueAsync(alert, default)).Should().Be(EnqueueOutcome.Queued);
        var claimed = (await store.ClaimDueAsync(10, default)).Should().ContainSingle().Subject;

        claimed.Attempts.Should().Be(0);
        claimed.QueuedAt.Should().Be(Monday);
        var builder = new AlertMessageBuilder(Options.Create(new AlertMailOptions()), Options.Create(new SmtpOptions { From = AlertWorker.From }));
        var mail = builder.Build(claimed.Alert);
        mail.To.Mailboxes.Single().Address.Should().Be("old@example.org");
        mail.TextBody.Should().Contain("Ana Lima").And.Contain("Lyon, France").And.Contain("81.57.10.x").And.Contain("Safari on iPhone").And.Contain("a***@example.org");
        mail.MessageId.Should().Be($"{alert.Alert.AlertId}@loginguard.local");
    }

    [Fact]
    public async Task Enqueueing_an_alert_id_already_queued_sent_or_failed_changes_nothing()
    {
        var store = CreateStore();
        var (queued, sent, failed) = (AlertFor("e1"), AlertFor("e2"), AlertFor("e3"));
        foreach (var alert in new[] { queued, sent, failed })
        {
            await store.EnqueueAsync(alert, default);
        }

        var claimed = await store.ClaimDueAsync(10, default);
        await store.MarkSentAsync(claimed.Single(c => c.Alert.AlertId == sent.Alert.AlertId), default);
        await store.MarkFailedAsync(claimed.Single(c => c.Alert.AlertId == failed.Alert.AlertId), "smtp-550: no such user", default);

        foreach (var alert in new[] { queued, sent, failed })
        {
            (await store.EnqueueAsync(alert, default)).Should().Be(EnqueueOutcome.Duplicate);
        }

        (await store.StateAsync(sent.Alert.AlertId, default)).Should().Be(OutboxState.Sent);
        (await store.StateAsync(failed.Alert.AlertId, default)).Should().Be(OutboxState.Failed);
        (await store.ClaimDueAsync(10, default)).Should().BeEmpty("the queued one is leased and the others are done");
    }

    [Fact]
    public async Task Two_learners_whose_events_share_an_id_each_get_their_mail()
    {
        // Event ids come from the identity provider's producers; nothing makes them unique across learners.
        var store = CreateStore();

        (await store.EnqueueAsync(AlertFor("e1", user: "ana"), default)).Should().Be(EnqueueOutcome.Queued);
        (await store.EnqueueAsync(AlertFor("e1", user: "bo"), default)).Should().Be(EnqueueOutcome.Queued, "bo's mail is not ana's");
        (await store.ClaimDueAsync(10, default)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_claimed_alert_is_reserved_for_its_lease_and_due_again_after_it()
    {
        var store = CreateStore();
        await store.EnqueueAsync(AlertFor("e1"), default);
        (await store.ClaimDueAsync(10, default)).Should().ContainSingle();

        Clock.Advance(OutboxOptions.Lease - TimeSpan.FromSeconds(1));
        (await store.ClaimDueAsync(10, default)).Should().BeEmpty();
        Clock.Advance(TimeSpan.FromSeconds(2));
        (await store.ClaimDueAsync(10, default)).Should().ContainSingle("a worker that died while sending must not strand its alerts");
    }

    [Fact]
    public async Task A_claim_taken_over_after_its_lease_cannot_renew_put_off_or_fail_the_alert()
    {
        var store = CreateStore();
        await store.EnqueueAsync(AlertFor("e1"), default);
        var stale = (await store.ClaimDueAsync(10, default)).Single();
        Clock.Advance(OutboxOptions.Lease + TimeSpan.FromSeconds(1));
        var current = (await store.ClaimDueAsync(10, default)).Single();

        current.Claim.Should().BeGreaterThan(stale.Claim, "every claim carries a newer fencing token");
        (await store.RenewAsync(stale, default)).Should().BeFalse("the slow worker must not send what another now holds");
        (await store.RetryLaterAsync(stale, Monday.AddDays(1), "timeout", default)).Should().Be(ClaimStanding.Superseded);
        (await store.MarkFailedAsync(stale, "smtp-554", default)).Should().Be(ClaimStanding.Superseded);
        (await store.StateAsync(current.Alert.AlertId, default)).Should().Be(OutboxState.Queued);
        (await store.RenewAsync(current, default)).Should().BeTrue();
        (await store.MarkSentAsync(current, default)).Should().Be(ClaimStanding.Current);
        (await store.StateAsync(current.Alert.AlertId, default)).Should().Be(OutboxState.Sent);
    }

    [Fact]
    public async Task A_mail_sent_under_a_lost_claim_is_still_recorded_so_its_new_holder_does_not_send_it_again()
    {
        var store = CreateStore();
        await store.EnqueueAsync(AlertFor("e1"), default);
        var stale = (await store.ClaimDueAsync(10, default)).Single();
        Clock.Advance(OutboxOptions.Lease + TimeSpan.FromSeconds(1));
        var current = (await store.ClaimDueAsync(10, default)).Single();

        (await store.MarkSentAsync(stale, default)).Should().Be(ClaimStanding.Superseded);

        (await store.StateAsync(current.Alert.AlertId, default)).Should().Be(OutboxState.Sent);
        (await store.RenewAsync(current, default)).Should().BeFalse("the mail is out already");
        (await store.MarkSentAsync(current, default)).Should().Be(ClaimStanding.Settled);
    }

    [Fact]
    public async Task Renewing_a_claim_reserves_the_alert_for_a_lease_from_now()
    {
        var store = CreateStore();
        await store.EnqueueAsync(AlertFor("e1"), default);
        var claimed = (await store.ClaimDueAsync(10, default)).Single();

        Clock.Advance(OutboxOptions.Lease - TimeSpan.FromSeconds(1));
        (await store.RenewAsync(claimed, default)).Should().BeTrue();
        Clock.Advance(TimeSpan.FromSeconds(2));

        (await store.ClaimDueAsync(10, default)).Should().BeEmpty("the renewed lease has most of its time left");
        Clock.Advance(OutboxOptions.Lease);
        (await store.ClaimDueAsync(10, default)).Should().ContainSingle();
    }

    [Fact]
    public async Task An_alert_to_retry_waits_until_its_time_and_counts_the_attempt()
    {
        var store = CreateStore();
        var alert = AlertFor("e1");
        await store.EnqueueAsync(alert, default);
        var claimed = (await store.ClaimDueAsync(10, default)).Single();

        await store.RetryLaterAsync(claimed, Monday.AddSeconds(30), "SocketException: refused", default);

        Clock.Advance(TimeSpan.FromSeconds(29));
        (await store.ClaimDueAsync(10, default)).Should().BeEmpty();
        Clock.Advance(TimeSpan.FromSeconds(2));
        (await store.ClaimDueAsync(10, default)).Should().ContainSingle().Which.Attempts.Should().Be(1);
        (await store.OldestQueuedAtAsync(default)).Should().Be(Monday);
    }

    [Fact]
    public async Task A_failed_alert_is_listed_with_its_reason_and_never_claimed_again()
    {
        var store = CreateStore();
        var alert = AlertFor("e1");
        await store.EnqueueAsync(alert, default);
        var claimed = (await store.ClaimDueAsync(10, default)).Single();

        await store.MarkFailedAsync(claimed, "smtp-550-recipient-not-accepted: no such user", default);
        Clock.Advance(TimeSpan.FromHours(1));

        (await store.ClaimDueAsync(10, default)).Should().BeEmpty();
        (await store.OldestQueuedAtAsync(default)).Should().BeNull();
        (await store.FailedAsync(10, default)).Should().ContainSingle().Which.Should().BeEquivalentTo(
            new FailedAlert(alert.Alert.AlertId, AlertKind.PasswordChanged, "e1", "smtp-550-recipient-not-accepted: no such user", Monday),
            options => options.Excluding(f => f.FailedAt));
    }

    [Fact]
    public async Task Mails_one_new_device_per_hour_of_event_time_and_tells_the_rest_in_one_summary_when_the_window_closes()
    {
        var store = CreateStore();
        var at = Monday.AddDays(-3);

        (await store.EnqueueAsync(AlertFor("n1", AlertKind.NewDevice, at: at), default)).Should().Be(EnqueueOutcome.Queued);
        (await store.EnqueueAsync(AlertFor("n3", AlertKind.NewDevice, at: at.AddMinutes(50)), default)).Should().Be(EnqueueOutcome.Suppressed);
        (await store.EnqueueAsync(AlertFor("n2", AlertKind.NewDevice, at: at.AddMinutes(5)), default)).Should().Be(EnqueueOutcome.Suppressed);
        (await store.EnqueueAsync(AlertFor("p1", AlertKind.PasswordChanged, at: at.AddMinutes(51)), default)).Should().Be(EnqueueOutcome.Queued, "account changes are never throttled");
        (await store.EnqueueAsync(AlertFor("n2", AlertKind.NewDevice, at: at.AddMinutes(5)), default)).Should().Be(EnqueueOutcome.Duplicate);
        (await store.EnqueueAsync(AlertFor("other", AlertKind.NewDevice, at: at.AddMinutes(6), user: "bo"), default)).Should().Be(EnqueueOutcome.Queued, "each learner has a throttle of their own");
        (await store.EnqueueAsync(AlertFor("n4", AlertKind.NewDevice, at: at.AddMinutes(70)), default)).Should().Be(EnqueueOutcome.Queued);

        var claimed = await store.ClaimDueAsync(10, default);
        claimed.Select(c => c.Alert.Event.EventId).Should().BeEquivalentTo(["n1", "p1", "other", "n4", "n3"], "the summary is addressed like its latest sign-in");
        var summary = claimed.Single(c => c.Alert.Summarizes is not null).Alert;
        summary.AlertId.Should().Be(LoginGuard.Alerts.Alert.SummaryIdFor("ana", "n3"), "its id derives from the learner and the first sign-in the window held");
        summary.Kind.Should().Be(AlertKind.NewDevice);
        summary.Summarizes!.Select(h => h.Event.EventId).Should().Equal(["n2", "n3"], "the mail lists them by time");
        summary.Summarizes!.Select(h => h.Event.Device).Should().OnlyContain(d => d == "Safari on iPhone");
        claimed.Where(c => c.Alert.Summarizes is null).Select(c => c.Alert.Event.EventId).Should().BeEquivalentTo(["n1", "p1", "other", "n4"]);
        (await store.StateAsync(LoginGuard.Alerts.Alert.IdFor("ana", "n3", AlertKind.NewDevice), default)).Should().Be(OutboxState.Suppressed);
    }

    [Fact]
    public async Task A_window_ending_on_the_wall_clock_sends_what_it_held_once_and_the_next_new_device_is_mailed()
    {
        var store = CreateStore();
        await store.EnqueueAsync(AlertFor("n1", AlertKind.NewDevice, at: Monday), default);
        await store.EnqueueAsync(AlertFor("n2", AlertKind.NewDevice, at: Monday.AddMinutes(1)), default);

        (await store.CloseWindowsAsync(Clock.GetUtcNow(), default)).Should().Be(0, "the hour has not passed");
        Clock.Advance(Throttle.Window);
        (await store.CloseWindowsAsync(Clock.GetUtcNow(), default)).Should().Be(1);
        (await store.CloseWindowsAsync(DateTimeOffset.MaxValue, default)).Should().Be(0, "closing again must not send it twice");
        (await store.EnqueueAsync(AlertFor("n2", AlertKind.NewDevice, at: Monday.AddMinutes(1)), default)).Should().Be(EnqueueOutcome.Duplicate, "a redelivered held sign-in was told");

        (await store.ClaimDueAsync(10, default)).Select(c => c.Alert.Summarizes?.Count ?? 0).Should().BeEquivalentTo([0, 1]);
        (await store.EnqueueAsync(AlertFor("n3", AlertKind.NewDevice, at: Monday.AddMinutes(2)), default))
            .Should().Be(EnqueueOutcome.Queued, "the closed window no longer holds, whatever the events' own times");
    }

    [Fact]
    public async Task The_end_of_a_stream_closes_every_window_that_holds_a_sign_in()
    {
        var store = CreateStore();
        await store.EnqueueAsync(AlertFor("n1", AlertKind.NewDevice, at: Monday), default);
        await store.EnqueueAsync(AlertFor("n2", AlertKind.NewDevice, at: Monday.AddMinutes(1)), default);
        await store.EnqueueAsync(AlertFor("b1", AlertKind.NewDevice, at: Monday, user: "bo"), default);

        (await store.CloseWindowsAsync(DateTimeOffset.MaxValue, default)).Should().Be(1, "only ana's window held anything");

        (await store.ClaimDueAsync(10, default)).Should().ContainSingle(c => c.Alert.Summarizes != null)
            .Which.Alert.Summarizes!.Single().Event.EventId.Should().Be("n2");
    }

    [Fact]
    public async Task Tells_an_incident_once_however_long_it_lasts_and_a_new_one_after_a_quiet_period()
    {
        var store = CreateStore();
        var at = Monday.AddDays(-5);

        (await store.EnqueueAsync(Suspicious("s1", Incident.BruteForce, at), default)).Should().Be(EnqueueOutcome.Queued);
        (await store.EnqueueAsync(Suspicious("s2", Incident.BruteForce, at.AddHours(1)), default)).Should().Be(EnqueueOutcome.Suppressed);
        (await store.EnqueueAsync(Suspicious("s3", Incident.BruteForce, at.AddHours(20)), default)).Should().Be(EnqueueOutcome.Suppressed, "each finding extends the incident");
        (await store.EnqueueAsync(Suspicious("s2", Incident.BruteForce, at.AddHours(1)), default)).Should().Be(EnqueueOutcome.Duplicate);
        (await store.EnqueueAsync(Suspicious("t1", Incident.SuccessAfterFailures, at.AddHours(20)), default)).Should().Be(EnqueueOutcome.Queued, "another kind is another incident");
        (await store.EnqueueAsync(Suspicious("o1", Incident.BruteForce, at.AddHours(1), user: "bo"), default)).Should().Be(EnqueueOutcome.Queued);
        (await store.EnqueueAsync(Suspicious("s4", Incident.BruteForce, at.AddHours(45)), default)).Should().Be(EnqueueOutcome.Queued, "a day passed without a finding");

        var claimed = await store.ClaimDueAsync(10, default);
        claimed.Select(c => (c.Alert.Event.EventId, c.Alert.Incident)).Should().BeEquivalentTo(
            [("s1", Incident.BruteForce), ("t1", Incident.SuccessAfterFailures), ("o1", Incident.BruteForce), ("s4", Incident.BruteForce)]);
    }

    internal static AddressedAlert Suspicious(string eventId, Incident incident, DateTimeOffset at, string user = "ana") =>
        AlertFor(eventId, AlertKind.SuspiciousActivity, at: at, user: user, incident: incident);

    internal static AddressedAlert AlertFor(
        string eventId, AlertKind kind = AlertKind.PasswordChanged, string recipient = "ana@example.org", DateTimeOffset? at = null, string user = "ana", Incident? incident = null)
    {
        var type = kind switch
        {
            AlertKind.NewDevice or AlertKind.SuspiciousActivity => AuthEventType.LoginSucceeded,
            AlertKind.EmailChanged => AuthEventType.EmailChanged,
            _ => AuthEventType.PasswordChanged,
        };
        var authEvent = new AuthEvent(eventId, type, at ?? Monday, user, IPAddress.Parse("81.57.10.20"), Email: "ana@example.org", DisplayName: "Ana Lima", Locale: "en");
        var device = new DeviceFingerprint("d1", "a1", UserAgentInfo.Unknown, "Safari on iPhone", false);
        var geo = new GeoLocation(CountryIso: "FR", CountryName: "France", CityName: "Lyon", Latitude: 45.7, Longitude: 4.8, TimeZone: "Europe/Paris");
        var enriched = new EnrichedEvent(authEvent, device, geo, new StateKeys(user, "address", "as12322"));
        return AddressedAlert.For(enriched, LoginGuard.Alerts.Alert.For(enriched, kind, recipient) with { Incident = incident });
    }
}
