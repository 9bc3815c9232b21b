using LoginGuard.Alerts;
using LoginGuard.Contracts;
using LoginGuard.Ingestion;
using LoginGuard.Testing;

namespace LoginGuard.IntegrationTests.Replay;

public sealed class ReplayCommandTests
{
    private const string Laptop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    private const string LaptopUpdated = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string Phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private static readonly string[] BadLines =
    [
        "not json at all",
        """{"type":"login.succeeded","occurredAt":"2026-10-01T08:00:00Z","userId":"u","ip":"1.2.3.4"}""",
        """{"eventId":"bad-type","type":"login.maybe","occurredAt":"2026-10-01T08:00:00Z","userId":"u","ip":"1.2.3.4"}""",
        """{"eventId":"bad-ip","type":"login.succeeded","occurredAt":"2026-10-01T08:00:00Z","userId":"u","ip":"1"}""",
        """{"eventId":"bad-time","type":"login.succeeded","occurredAt":"yesterday","userId":"u","ip":"1.2.3.4"}""",
        """{"eventId":"huge","type":"login.succeeded","occurredAt":"2026-10-01T08:00:00Z","userId":"u","ip":"1.2.3.4","pad":""" + "\"" + new string('x', 70_000) + "\"}",
        """{"eventId":"deep","type":"login.succeeded","occurredAt":"2026-10-01T08:00:00Z","userId":"u","ip":"1.2.3.4","d":""" + new string('[', 20) + new string(']', 20) + "}",
        """[{"eventId":"array"}]""",
        """{"eventId":"dup-field","eventId":"again","type":"login.succeeded","occurredAt":"2026-10-01T08:00:00Z","userId":"u","ip":"1.2.3.4"}""",
        """{"eventId":"bad-field","type":"login.succeeded","occurredAt":"2026-10-01T08:00:00Z","userId":42,"ip":"1.2.3.4"}""",
        "",
    ];

    [Fact]
    public async Task Accounts_for_every_line_and_sends_each_mail_once_despite_redeliveries_and_bad_input()
    {
        var firstSignIn = SignIn("e1", "ana", Laptop, "2026-10-01T08:00:00Z");
        var browserUpdate = SignIn("e2", "ana", LaptopUpdated, "2026-10-02T08:00:00Z");
        var newPhone = SignIn("e3", "ana", Phone, "2026-10-03T08:00:00Z");
        var passwordChange = Event("e4", "password.changed", "ana", Phone, "2026-10-03T08:05:00Z");
        string[] lines = [firstSignIn, browserUpdate, newPhone, newPhone, passwordChange, .. BadLines, passwordChange, newPhone];

        using var run = await ReplayRun.OfLinesAsync(lines);

        run.ExitCode.Should().Be(0);
        (run.Decisions.Count + run.DeadLetters.Count).Should().Be(lines.Length);
        run.Decisions.Should().HaveCount(7);
        run.Decisions.Count(d => d.TryGetProperty("duplicate", out _)).Should().Be(3);
        run.DeadLetters.Select(d => d.GetProperty("reason").GetString()).Should().BeEquivalentTo(
        [
            RejectionReasons.InvalidJson, RejectionReasons.MissingField, RejectionReasons.UnknownType, RejectionReasons.InvalidIp,
            RejectionReasons.InvalidTimestamp, RejectionReasons.TooLarge, RejectionReasons.TooDeep, RejectionReasons.NotAnObject,
            RejectionReasons.DuplicateField, RejectionReasons.InvalidField, RejectionReasons.InvalidJson,
        ]);
        run.Mail.Select(m => (m.Headers["X-LoginGuard-Alert"], m.Headers["X-LoginGuard-Event-Id"])).Should().BeEquivalentTo(
            [("new-device", "e3"), ("password-changed", "e4")]);
    }

    [Fact]
    public async Task A_dead_letter_names_its_line_and_keeps_the_first_256_characters()
    {
        using var run = await ReplayRun.OfLinesAsync([SignIn("e1", "ana", Laptop, "2026-10-01T08:00:00Z"), BadLines[5]]);

        var deadLetter = run.DeadLetters.Should().ContainSingle().Subject;
        deadLetter.GetProperty("line").GetInt32().Should().Be(2);
        deadLetter.GetProperty("content").GetString().Should().HaveLength(256).And.StartWith("{\"eventId\":\"huge\"");
    }

    [Fact]
    public async Task A_duplicate_delivery_republishes_the_original_decision_marked_duplicate()
    {
        var newPhone = SignIn("e2", "ana", Phone, "2026-10-03T08:00:00Z");
        using var run = await ReplayRun.OfLinesAsync([SignIn("e1", "ana", Laptop, "2026-10-01T08:00:00Z"), newPhone, newPhone]);

        var original = run.Decisions[1];
        var duplicate = run.Decisions[2];
        original.TryGetProperty("duplicate", out _).Should().BeFalse();
        duplicate.GetProperty("duplicate").GetBoolean().Should().BeTrue();
        duplicate.GetProperty("riskLevel").GetString().Should().Be(original.GetProperty("riskLevel").GetString());
        duplicate.GetProperty("alerts")[0].GetString().Should().Be(AlertKind.NewDevice.ToWireName());
        run.Mail.Should().ContainSingle();
    }

    [Fact]
    public async Task Replays_the_bundled_sample_when_no_file_is_named()
    {
        using var run = await ReplayRun.OfFileAsync(null);

        run.ExitCode.Should().Be(0);
        var lines = File.ReadLines(SampleFile).Count();
        (run.Decisions.Count + run.DeadLetters.Count).Should().Be(lines);
        run.Mail.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
    }

    internal static string SampleFile => Worker.Hosting.SampleData.Find("login-events.jsonl")!;

    private static string SignIn(string id, string user, string userAgent, string at) => Event(id, "login.succeeded", user, userAgent, at);

    private static string Event(string id, string type, string user, string userAgent, string at) =>
        AuthEvents.Of(id, type, at, user, userAgent, locale: "pt-BR");
}
