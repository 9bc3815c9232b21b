using System.Text;
using LoginGuard.Alerts;
using LoginGuard.Alerts.Content;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.Enrichment.UserAgents;
using LoginGuard.Ingestion;
using LoginGuard.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LoginGuard.IntegrationTests.Replay;

/// <summary>The bundled sample, replayed end to end, checked against an independent count of what is owed.</summary>
public sealed class SampleReplayTests : IAsyncLifetime
{
    private static readonly AlertThrottleOptions Throttle = new();

    private ReplayRun run = null!;

    public async Task InitializeAsync() => run = await ReplayRun.OfFileAsync(ReplayCommandTests.SampleFile);

    public Task DisposeAsync()
    {
        run.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Every_sample_line_becomes_one_decision_or_one_dead_letter()
    {
        (run.Decisions.Count + run.DeadLetters.Count).Should().Be(File.ReadLines(ReplayCommandTests.SampleFile).Count());
        run.DeadLetters.Should().NotBeEmpty("the sample carries every kind of bad input");
        run.Decisions.Count(d => d.TryGetProperty("duplicate", out _)).Should().BePositive("the sample carries redeliveries");
    }

    [Fact]
    public void Every_sign_in_from_a_never_seen_device_after_the_first_is_told_in_exactly_one_mail_alone_or_in_a_summary()
    {
        var (mailedAlone, heldBack) = NewDeviceSignIns();
        var newDeviceMail = run.Mail.Where(m => m.Headers["X-LoginGuard-Alert"] == "new-device").ToList();

        var told = newDeviceMail.SelectMany(EventIds).ToList();
        var learners = new StateKeyMaker(new KeyedHasher(Options.Create(new PrivacyOptions()), NullLogger<KeyedHasher>.Instance));
        var owners = AcceptedEvents().ToDictionary(e => e.EventId, e => learners.Learner(e.UserId));
        var toldInSummaries = newDeviceMail
            .Where(m => EventIds(m).Count > 1 || m.MessageId != $"{Alert.IdFor(owners[EventIds(m)[0]], EventIds(m)[0], AlertKind.NewDevice)}@loginguard.local")
            .SelectMany(EventIds).ToList();

        mailedAlone.Should().NotBeEmpty();
        heldBack.Should().NotBeEmpty("the sample has a learner with two new devices within the hour, so the throttle is exercised");
        told.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(mailedAlone.Concat(heldBack), "every owed new-device mail is sent, alone or in a summary");
        toldInSummaries.Should().BeEquivalentTo(heldBack);
    }

    private static List<string> EventIds(MimeKit.MimeMessage mail) =>
        [.. mail.Headers.Where(h => h.Field == AlertMessageBuilder.EventIdHeader).Select(h => h.Value)];

    [Fact]
    public void Every_password_change_gets_exactly_one_mail()
    {
        var changes = AcceptedEvents().Where(e => e.Type == AuthEventType.PasswordChanged).Select(e => e.EventId).ToList();

        var sent = run.Mail.Where(m => m.Headers["X-LoginGuard-Alert"] == "password-changed").Select(m => m.Headers["X-LoginGuard-Event-Id"]).ToList();

        changes.Should().NotBeEmpty();
        sent.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(changes);
    }

    /// <summary>
    /// Counted from the contract's own definition: device = deviceId, else browser + OS + device type; the first
    /// device a learner ever signs in with is the baseline; only successful sign-ins make a device known. The
    /// throttle's default (one new-device mail per learner per window of event time) holds back a new device
    /// seen within the window after the learner's last mailed one.
    /// </summary>
    private static (HashSet<string> Owed, HashSet<string> HeldBack) NewDeviceSignIns()
    {
        Throttle.MaxNewDeviceMails.Should().Be(1, "this count holds back every new device after the first in a window");
        var parser = new UserAgentParser(Options.Create(new EnrichmentOptions()));
        var known = new Dictionary<string, HashSet<string>>();
        var lastMailed = new Dictionary<string, DateTimeOffset>();
        var (owed, heldBack) = (new HashSet<string>(), new HashSet<string>());
        foreach (var e in AcceptedEvents().Where(e => e.Type == AuthEventType.LoginSucceeded))
        {
            var agent = parser.Parse(e.UserAgent);
            var device = e.DeviceId is { } id ? "id:" + id : $"ua:{agent.BrowserFamily}|{agent.OsFamily}|{agent.DeviceType}";
            if (!known.TryGetValue(e.UserId, out var devices))
            {
                known[e.UserId] = [device];
            }
            else if (devices.Add(device))
            {
                if (lastMailed.TryGetValue(e.UserId, out var mailed) && e.OccurredAt - mailed < Throttle.Window)
                {
                    heldBack.Add(e.EventId);
                }
                else
                {
                    owed.Add(e.EventId);
                    lastMailed[e.UserId] = e.OccurredAt;
                }
            }
        }

        return (owed, heldBack);
    }

    private static IEnumerable<AuthEvent> AcceptedEvents()
    {
        var seen = new HashSet<string>();
        foreach (var line in File.ReadLines(ReplayCommandTests.SampleFile))
        {
            var parsed = EventParser.Parse(Encoding.UTF8.GetBytes(line));
            if (parsed.IsAccepted && seen.Add(parsed.Event.EventId))
            {
                yield return parsed.Event;
            }
        }
    }
}
