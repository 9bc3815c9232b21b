using System.Diagnostics;
using LoginGuard.Worker.Terminal;

namespace LoginGuard.IntegrationTests.Commands;

/// <summary>
/// What a CI log or a file gets from the long commands: their results and one closing line with the time taken, no
/// progress bar, no spinner frames, no escape codes.
/// </summary>
public sealed class RedirectedOutputTests : IDisposable
{
    private const string Worker = "loginguard";
    private const string Tools = "loginguard-tools";
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("loginguard-redirected-");

    [Fact]
    public async Task Generate_to_a_pipe_prints_one_plain_line_with_the_time_each_stage_took()
    {
        var (exitCode, output) = await RunAsync(Tools, "generate", "--users", "20", "--days", "3", "--out", Path.Combine(work.FullName, "sample"),
            "--geoip", Path.Combine(RepositoryRoot(), "data-samples", "geoip"));

        exitCode.Should().Be(0);
        output.Should().NotContain("\u001b", "a redirected command draws nothing");
        output.TrimEnd('\n').Split('\n').Should().ContainSingle().Which.Should().MatchRegex(
            Closing("generate", @"wrote \d+ lines \(\d+ events\) to .+", @"simulate learners \d+(\.\d)? s, write files \d+(\.\d)? s"));
    }

    [Fact]
    public async Task Train_to_a_pipe_reads_the_workers_files_and_prints_one_plain_line_with_its_stages()
    {
        var sample = Path.Combine(work.FullName, "history");
        var geo = Path.Combine(RepositoryRoot(), "data-samples", "geoip");
        (await RunAsync(Tools, "generate", "--users", "40", "--days", "10", "--out", sample, "--geoip", geo)).ExitCode.Should().Be(0);

        // In a process of its own, as a team runs it: nothing else has taught the configuration binder "180d".
        var (exitCode, output) = await RunAsync(Tools, "train", "--events", Path.Combine(sample, "events.jsonl"), "--labels", Path.Combine(sample, "labels.csv"),
            "--out", Path.Combine(work.FullName, "models"), "--geoip", geo);

        exitCode.Should().Be(0);
        output.Should().NotContain("\u001b");
        output.TrimEnd('\n').Split('\n').Should().ContainSingle().Which.Should().MatchRegex(Closing(
            "train", @"trained on [\d,]+ events \([\d,]+ attacks\); wrote .+login-anomaly\.zip \(m-[0-9a-f]+\)",
            @"count the population [\d.]+ s, replay and featurise [\d.]+ s, fit LightGbm [\d.]+ s"));
    }

    [Fact]
    public async Task Replay_to_a_pipe_prints_its_summary_and_the_time_it_took_without_progress_lines()
    {
        var (exitCode, output) = await RunAsync(Worker, "replay", "--out", Path.Combine(work.FullName, "replay"));

        exitCode.Should().Be(0);
        output.Should().NotContain("\u001b").And.NotContain("…", "no line counts every thousand lines")
            .And.StartWith("Replayed ");
        output.TrimEnd('\n').Split('\n')[^1].Should().MatchRegex(Closing("replay", @"[\d,]+ lines of .+login-events\.jsonl decided", null));
    }

    [Fact]
    public void Only_the_console_itself_can_be_a_terminal()
    {
        CommandProgress.IsTerminal(new StringWriter()).Should().BeFalse("a command writing to a test's writer must not draw");
    }

    public void Dispose() => work.Delete(recursive: true);

    /// <summary>"COMMAND: SUMMARY in N s (STAGE N s, …)."</summary>
    private static string Closing(string command, string summary, string? stages) =>
        $@"^{command}: {summary} in \d+(\.\d)? s{(stages is null ? "" : $@" \({stages}\)")}\.$";

    /// <summary>The built program (loginguard or loginguard-tools), its standard output a pipe as in CI or `loginguard … > file`.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work.FullName,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Whether or not the tests themselves run under CI, the pipe alone must keep the command quiet.
        start.Environment.Remove("CI");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        (await error).Should().BeEmpty();
        return (process.ExitCode, (await output).Replace("\r\n", "\n", StringComparison.Ordinal));
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
