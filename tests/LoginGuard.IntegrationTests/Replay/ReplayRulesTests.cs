using System.Text.Json;
using System.Text.Json.Nodes;
using LoginGuard.Testing;
using LoginGuard.Worker.Commands;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.IntegrationTests.Replay;

public sealed class ReplayRulesTests : IDisposable
{
    private const string Laptop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string Phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private readonly string directory = Directory.CreateTempSubdirectory("loginguard-replay-rules-").FullName;

    [Fact]
    public async Task A_candidate_that_simulates_new_device_shows_the_mail_it_would_stop_and_the_level_it_would_lower()
    {
        var candidate = Candidate(rules => rules["new-device"]!["Mode"] = "Simulate");

        var exitCode = await RunAsync(candidate, diff: true);

        exitCode.Should().Be(0);
        var change = File.ReadLines(Path.Combine(directory, "out", "diff.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).Should().ContainSingle().Subject;
        change.GetProperty("eventId").GetString().Should().Be("e2");
        change.GetProperty("current").GetString().Should().Be("low");
        change.GetProperty("candidate").GetString().Should().Be("none");
        change.GetProperty("alertsRemoved")[0].GetString().Should().Be("new-device");
        change.GetProperty("reasonsAdded")[0].GetString().Should().Be("new-device (simulated)");
        File.Exists(Path.Combine(directory, "out", "current", "decisions.jsonl")).Should().BeTrue();
    }

    [Fact]
    public async Task With_labels_the_diff_counts_the_attacks_and_legitimate_sign_ins_a_candidate_brings_to_medium()
    {
        var candidate = Candidate(rules => rules["new-device"]!["Weight"] = 0.6);
        var labels = Path.Combine(directory, "labels.csv");
        await File.WriteAllLinesAsync(labels, ["eventId,attack,scenario", "e1,0,normal", "e2,1,lookalike"]);
        using var report = new StringWriter();
        var console = Console.Out;
        Console.SetOut(report);
        int exitCode;
        try
        {
            exitCode = await RunAsync(candidate, diff: true, labels);
        }
        finally
        {
            Console.SetOut(console);
        }

        exitCode.Should().Be(0);
        var change = File.ReadLines(Path.Combine(directory, "out", "diff.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).Should().ContainSingle().Subject;
        change.GetProperty("label").GetString().Should().Be("lookalike");
        report.ToString().Should().Contain("Attacks at medium+, by scenario").And.MatchRegex(@"lookalike\s+1\s+0");
    }

    [Fact]
    public async Task Labels_without_a_diff_are_refused()
    {
        var labels = Path.Combine(directory, "labels.csv");
        await File.WriteAllLinesAsync(labels, ["eventId,attack,scenario"]);

        (await RunAsync(Candidate(_ => { }), diff: false, labels)).Should().Be(2);
    }

    [Fact]
    public async Task Replaying_under_a_candidate_stamps_every_decision_with_the_candidates_version()
    {
        var candidate = Candidate(rules => rules["new-device"]!["Weight"] = 0.6);

        (await RunAsync(candidate, diff: false)).Should().Be(0);

        var decisions = File.ReadLines(Path.Combine(directory, "out", "decisions.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        decisions[1].GetProperty("riskLevel").GetString().Should().Be("medium");
        decisions.Select(d => d.GetProperty("ruleSetVersion").GetString()).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task A_candidate_with_errors_is_refused_before_anything_is_replayed()
    {
        var candidate = Candidate(rules => rules["spray-per-ip"]!["Threshold"] = 0);

        (await RunAsync(candidate, diff: true)).Should().Be(2);
        File.Exists(Path.Combine(directory, "out", "diff.jsonl")).Should().BeFalse();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private async Task<int> RunAsync(string candidate, bool diff, string? labels = null)
    {
        var input = Path.Combine(directory, "events.jsonl");
        await File.WriteAllLinesAsync(input, [SignIn("e1", Laptop, "2026-10-01T08:00:00Z"), SignIn("e2", Phone, "2026-10-02T08:00:00Z")]);
        return await ReplayCommand.RunAsync(
            new FileInfo(input), new DirectoryInfo(Path.Combine(directory, "out")), verbose: false, CancellationToken.None, new FileInfo(candidate), diff,
            labels is null ? null : new FileInfo(labels));
    }

    private string Candidate(Action<JsonNode> edit)
    {
        var document = JsonNode.Parse(File.ReadAllText(RulesFile.DefaultPath))!;
        edit(document["Scoring"]!["Rules"]!);
        var path = Path.Combine(directory, "candidate.json");
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    private static string SignIn(string id, string userAgent, string at) =>
        AuthEvents.Of(id, "login.succeeded", at, userAgent: userAgent, locale: null, displayName: null);
}
