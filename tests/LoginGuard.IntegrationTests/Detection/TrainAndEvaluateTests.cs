using System.CommandLine;
using System.Text.Json;
using LoginGuard.Tools.Commands;
using LoginGuard.Tools.Generation;
using LoginGuard.Tools.Generation.Geo;
using LoginGuard.Tools.Generation.Stream;

namespace LoginGuard.IntegrationTests.Detection;

/// <summary>
/// The whole model lifecycle through the commands a security team runs, on small generated streams:
/// train on one seed, evaluate on two others, and read what was written.
/// </summary>
public sealed class TrainAndEvaluateTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("loginguard-detection-");

    [Fact]
    public async Task A_team_trains_on_its_own_history_and_evaluates_on_streams_the_model_never_saw()
    {
        var geo = Path.Combine(RepositoryRoot(), "data-samples", "geoip");
        var training = Generate(seed: 11, geo);
        var models = Path.Combine(work.FullName, "models");

        (await Run(TrainCommand.Create(), "--events", training.Events, "--labels", training.Labels, "--seed", "1", "--out", models, "--geoip", geo)).Should().Be(0);

        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(models, "login-anomaly.json")));
        metadata.RootElement.GetProperty("seed").GetInt32().Should().Be(1);
        metadata.RootElement.GetProperty("features").GetArrayLength().Should().Be(34);
        metadata.RootElement.GetProperty("population").GetProperty("learners").GetInt32().Should().BePositive();
        metadata.RootElement.GetProperty("dataSha256").GetString().Should().HaveLength(64);
        metadata.RootElement.GetProperty("version").GetString().Should().StartWith("m-");

        var first = Generate(seed: 12, geo);
        var second = Generate(seed: 13, geo);
        var report = Path.Combine(work.FullName, "report");
        (await Run(EvaluateCommand.Create(),
            "--events", first.Events, "--labels", first.Labels, "--events", second.Events, "--labels", second.Labels,
            "--model", Path.Combine(models, "login-anomaly.zip"), "--out", report, "--geoip", geo)).Should().Be(0);

        var markdown = await File.ReadAllTextAsync(Path.Combine(report, "report.md"));
        markdown.Should().Contain("## successful-login").And.Contain("## failed-login").And.Contain("## account-change")
            .And.Contain("| all |").And.Contain("Freeman et al.").And.Contain("rules only").And.Contain("credential-stuffing")
            .And.Contain("naive novelty").And.Contain("## Targets, per stream").And.Contain("## Attack scenarios at Medium or above, per stream");
        foreach (var kind in new[] { "successful-login", "failed-login", "account-change" })
        {
            new FileInfo(Path.Combine(report, $"roc-{kind}.png")).Length.Should().BeGreaterThan(10_000);
        }

        var scores = await File.ReadAllLinesAsync(Path.Combine(report, "scores.csv"));
        var labelled = (await File.ReadAllLinesAsync(first.Labels)).Length + (await File.ReadAllLinesAsync(second.Labels)).Length - 2;
        scores[0].Should().Be("stream,eventId,kind,attack,scenario,Combined,RulesOnly,Freeman,ModelAlone,NaiveNovelty,rules,modelReason");
        scores.Should().HaveCount(labelled + 1, "every labelled event has its row");
        scores.Should().Contain(line => line.Contains(",1,\"credential-stuffing\",", StringComparison.Ordinal));
        scores.Should().Contain(line => line.Contains("\"new-device", StringComparison.Ordinal), "a flagged event names the rules that flagged it");
    }

    [Fact]
    public async Task A_platform_with_no_labelled_attacks_trains_the_impostor_model_on_its_history_alone()
    {
        var geo = Path.Combine(RepositoryRoot(), "data-samples", "geoip");
        var history = Generate(seed: 17, geo);
        var models = Path.Combine(work.FullName, "unlabelled");

        (await Run(TrainCommand.Create(), "--events", history.Events, "--trainer", "Impostor", "--seed", "1", "--out", models, "--geoip", geo)).Should().Be(0);

        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(models, "login-anomaly.json")));
        metadata.RootElement.GetProperty("trainer").GetString().Should().Contain("no labels needed");
        metadata.RootElement.GetProperty("command").GetString().Should().NotContain("--labels").And.Contain("--trainer Impostor");
        metadata.RootElement.GetProperty("attackEvents").GetInt32().Should().BePositive("other learners' events replayed on each history are its impostors");
        metadata.RootElement.GetProperty("metrics").GetProperty("in-sample-auc:successful-login").GetDouble().Should().BeGreaterThan(0.5);
    }

    [Fact]
    public async Task A_supervised_trainer_without_labels_is_refused_with_the_way_out()
    {
        var geo = Path.Combine(RepositoryRoot(), "data-samples", "geoip");
        var history = Generate(seed: 18, geo);
        var error = new StringWriter();

        var exit = await TrainCommand.Create().Parse(["--events", history.Events, "--out", Path.Combine(work.FullName, "refused")])
            .InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = error });

        exit.Should().NotBe(0);
        error.ToString().Should().Contain("--labels: --trainer LightGbm needs one labels file per --events file. Without labels, use --trainer Impostor.");
    }

    [Fact]
    public async Task The_rules_only_baseline_is_the_rules_file_the_worker_ships_unless_another_is_named()
    {
        var (geo, stream, models) = await TrainedOnAsync(seed: 15);
        var newDeviceOnly = Path.Combine(work.FullName, "new-device-only.json");
        await File.WriteAllTextAsync(newDeviceOnly, """{ "Scoring": { "Rules": { "new-device": { "Kind": "NewDevice", "Weight": 0.35 } } } }""");

        var shipped = await EvaluateAsync(stream, models, geo, "shipped");
        var candidate = await EvaluateAsync(stream, models, geo, "candidate", "--rules", newDeviceOnly);

        shipped.Should().Contain("from appsettings.json + rules.json");
        candidate.Should().Contain("from appsettings.json + new-device-only.json");
        RulesOnlyFailedLoginAuc(candidate).Should().Be("0.5000", "new-device says nothing about a failed sign-in");
        RulesOnlyFailedLoginAuc(shipped).Should().NotBe("0.5000", "the shipped rules count failures per learner, address and network");
    }

    [Fact]
    public async Task A_warm_up_builds_history_from_the_first_days_and_scores_only_the_events_after_them()
    {
        var (geo, stream, models) = await TrainedOnAsync(seed: 16);

        var report = await EvaluateAsync(stream, models, geo, "warm", "--warm-up-days", "7");

        var times = (await File.ReadAllLinesAsync(stream.Events)).Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(e => e.GetProperty("eventId").GetString()!, e => e.GetProperty("occurredAt").GetDateTimeOffset());
        var cutoff = times.Values.First() + TimeSpan.FromDays(7);
        var scored = (await File.ReadAllLinesAsync(Path.Combine(work.FullName, "warm", "scores.csv"))).Skip(1)
            .Select(line => line.Split(',')[1].Trim('"')).ToList();
        scored.Should().NotBeEmpty().And.OnlyContain(id => times[id] >= cutoff);
        scored.Should().HaveCount(times.Count(t => t.Value >= cutoff), "every labelled event after the warm-up is scored");
        report.Should().Contain("the first 7 days of each stream built history and were not scored");
    }

    [Fact]
    public async Task Evaluating_with_a_missing_model_fails_with_the_setting_named()
    {
        var geo = Path.Combine(RepositoryRoot(), "data-samples", "geoip");
        var stream = Generate(seed: 14, geo);
        var error = new StringWriter();

        var exit = await EvaluateCommand.Create().Parse(["--events", stream.Events, "--labels", stream.Labels, "--model", Path.Combine(work.FullName, "none.zip"), "--geoip", geo])
            .InvokeAsync(new InvocationConfiguration { Error = error, Output = TextWriter.Null });

        exit.Should().Be(1);
        error.ToString().Should().Contain("Scoring:Model:Path").And.Contain("none.zip").And.NotContain("   at ", "a security engineer reads a message, not a stack trace");
    }

    public void Dispose() => work.Delete(recursive: true);

    private static string RulesOnlyFailedLoginAuc(string report) =>
        report.Split("## failed-login")[1].Split('\n').First(l => l.StartsWith("| all |", StringComparison.Ordinal) && l.Contains("| rules only |")).Split('|')[5].Trim();

    /// <summary>A generated stream and a model trained on it with the sample geo databases.</summary>
    private async Task<(string Geo, (string Events, string Labels) Stream, string Models)> TrainedOnAsync(int seed)
    {
        var geo = Path.Combine(RepositoryRoot(), "data-samples", "geoip");
        var stream = Generate(seed, geo);
        var models = Path.Combine(work.FullName, "models");
        (await Run(TrainCommand.Create(), "--events", stream.Events, "--labels", stream.Labels, "--out", models, "--geoip", geo)).Should().Be(0);
        return (geo, stream, models);
    }

    private async Task<string> EvaluateAsync((string Events, string Labels) stream, string models, string geo, string name, params string[] extra)
    {
        var report = Path.Combine(work.FullName, name);
        (await Run(EvaluateCommand.Create(), [
            "--events", stream.Events, "--labels", stream.Labels, "--model", Path.Combine(models, "login-anomaly.zip"), "--out", report, "--geoip", geo, .. extra])).Should().Be(0);
        return await File.ReadAllTextAsync(Path.Combine(report, "report.md"));
    }

    private static Task<int> Run(Command command, params string[] args) =>
        command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null });

    private (string Events, string Labels) Generate(int seed, string geo)
    {
        var directory = Path.Combine(work.FullName, $"seed-{seed}");
        SampleFiles.Write(LoginEventGenerator.Generate(new GenerationSettings(40, 20, seed, new DateOnly(2026, 10, 1)), GeoCatalogue.Load(geo)), directory);
        return (Path.Combine(directory, SampleFiles.EventsFile), Path.Combine(directory, SampleFiles.LabelsFile));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LoginGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("LoginGuard.sln not found above the test binaries.");
    }
}
