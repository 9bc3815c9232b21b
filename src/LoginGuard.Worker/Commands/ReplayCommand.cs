using System.CommandLine;
using LoginGuard.Pipeline;
using LoginGuard.Worker.Hosting;
using LoginGuard.Worker.Replay;
using LoginGuard.Worker.Terminal;
using Microsoft.Extensions.Options;

namespace LoginGuard.Worker.Commands;

/// <summary>
/// <c>loginguard replay [FILE] [--out DIR] [--rules CANDIDATE.json [--diff [--labels LABELS.csv]]]</c>: the whole pipeline on embedded
/// defaults — in-memory state, mail to a pickup folder, the sample geo databases — with no Kafka, Redis or SMTP.
/// With <c>--rules</c> it scores with a candidate rules file; with <c>--diff</c> it also replays under the
/// current rules (into DIR/current) and reports what the candidate would change; with <c>--labels</c>, which
/// attacks and legitimate events it brings to Medium or takes below it.
/// </summary>
internal static class ReplayCommand
{
    public const string DefaultInput = "login-events.jsonl";

    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file")
        {
            Description = $"JSON Lines of auth events (default: {SampleData.FolderName}/{DefaultInput}).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Where decisions.jsonl, dead-letters.jsonl and outbox/*.eml are written.",
            DefaultValueFactory = _ => new DirectoryInfo("out"),
        };
        var rules = new Option<FileInfo?>("--rules") { Description = "Score with this candidate rules file instead of the current rules.json." };
        var diff = new Option<bool>("--diff") { Description = "Also replay under the current rules and write what the candidate changes to DIR/diff.jsonl." };
        var labels = new Option<FileInfo?>("--labels") { Description = "With --diff: eventId,attack,scenario of each event (as generate writes), to count attacks and legitimate events the candidate gains and loses." };
        var verbose = new Option<bool>("--verbose") { Description = "Log every warning (dead letters, unaddressable mail) as it happens." };
        var command = new Command("replay", "Replay auth events through the whole pipeline on embedded defaults and show the decisions and mail.")
        {
            file, output, rules, diff, labels, verbose,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(file), parseResult.GetValue(output)!, parseResult.GetValue(verbose), cancellationToken,
            parseResult.GetValue(rules), parseResult.GetValue(diff), parseResult.GetValue(labels)));
        return command;
    }

    /// <param name="settings">Settings over the embedded defaults, as environment variables would give them (the docs' mail renders turn feedback on).</param>
    public static async Task<int> RunAsync(
        FileInfo? file, DirectoryInfo output, bool verbose, CancellationToken cancellationToken, FileInfo? rules = null, bool diff = false, FileInfo? labels = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var input = file?.FullName ?? SampleData.Find(DefaultInput);
        if (input is null || !File.Exists(input))
        {
            await Console.Error.WriteLineAsync($"replay: input file '{file?.FullName ?? DefaultInput}' does not exist.");
            return 2;
        }

        if (Problem(rules, diff, labels) is { } problem)
        {
            await Console.Error.WriteLineAsync($"replay: {problem}");
            return 2;
        }

        IReadOnlyDictionary<string, EventLabel>? labelled;
        try
        {
            labelled = labels is null ? null : LabelFile.Read(labels.FullName);
        }
        catch (FormatException bad)
        {
            await Console.Error.WriteLineAsync($"replay: --labels: {bad.Message}");
            return 2;
        }

        var progress = CommandProgress.For("replay", Console.Out);
        ReplayTally tally;
        try
        {
            if (diff)
            {
                var current = new DirectoryInfo(Path.Combine(output.FullName, "current"));
                await progress.StageAsync("replay under the current rules", new FileInfo(input).Length, read => ReplayAsync(input, current, verbose, null, settings, read, cancellationToken));
            }

            tally = await progress.StageAsync(rules is null ? "replay" : "replay under the candidate rules", new FileInfo(input).Length,
                read => ReplayAsync(input, output, verbose, rules?.FullName, settings, read, cancellationToken));
        }
        catch (OptionsValidationException invalid)
        {
            await Console.Error.WriteLineAsync($"replay: the rules file has {invalid.Failures.Count()} error(s):");
            foreach (var failure in invalid.Failures)
            {
                await Console.Error.WriteLineAsync("  " + failure);
            }

            return 2;
        }

        ReplayReport.Write(Console.Out, tally, output.FullName);
        if (diff)
        {
            var diffPath = Path.Combine(output.FullName, ReplayDiff.FileName);
            var changes = await ReplayDiff.CompareAsync(
                Path.Combine(output.FullName, "current", "decisions.jsonl"), Path.Combine(output.FullName, "decisions.jsonl"), diffPath, labelled, cancellationToken);
            DiffReport.Write(Console.Out, changes, diffPath);
        }

        progress.Finish($"{tally.Lines:N0} lines of {input}{(rules is null ? "" : $" under {rules.FullName}")} decided");
        return 0;
    }

    private static string? Problem(FileInfo? rules, bool diff, FileInfo? labels) =>
        diff && rules is null ? "--diff compares the current rules with a candidate: name it with --rules FILE."
        : rules is { Exists: false } ? $"rules file '{rules.FullName}' does not exist."
        : labels is not null && !diff ? "--labels says what each event was, for --diff: add --diff and --rules FILE."
        : labels is { Exists: false } ? $"labels file '{labels.FullName}' does not exist."
        : null;

    private static async Task<ReplayTally> ReplayAsync(
        string input, DirectoryInfo output, bool verbose, string? rules, IReadOnlyDictionary<string, string?>? settings, IProgress<long> bytesRead, CancellationToken cancellationToken)
    {
        var outbox = PrepareOutput(output);
        var defaults = EmbeddedDefaults();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            defaults[key] = value;
        }

        using var host = LoginGuardHost.CreateBuilder(defaults, new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "",
            ["Smtp:PickupDirectory"] = outbox,

            // The summary and the output files tell the story; per-event warnings would bury it.
            ["Logging:LogLevel:Default"] = verbose ? "Warning" : "Error",

            // A rejected rules file is reported once, as a list, by RunAsync rather than as a host stack trace.
            ["Logging:LogLevel:Microsoft.Extensions.Hosting"] = "None",
            ["Logging:LogLevel:LoginGuard.Scoring"] = "None",
        }, rules).Build();
        await host.StartAsync(cancellationToken);

        var runner = new ReplayRunner(host.Services.GetRequiredService<LoginPipeline>());
        var tally = await runner.RunAsync(input, output.FullName, bytesRead, cancellationToken);
        await host.StopAsync(cancellationToken);
        tally.MailWritten = Directory.EnumerateFiles(outbox, "*.eml").LongCount();
        return tally;
    }

    /// <summary>A replay starts from empty state, so mail left by an earlier replay would be stale.</summary>
    private static string PrepareOutput(DirectoryInfo output)
    {
        var outbox = Path.Combine(output.FullName, "outbox");
        Directory.CreateDirectory(outbox);
        foreach (var stale in Directory.EnumerateFiles(outbox, "*.eml"))
        {
            File.Delete(stale);
        }

        return outbox;
    }

    private static Dictionary<string, string?> EmbeddedDefaults() => new()
    {
        ["GeoIp:CityDatabasePath"] = SampleData.Find("geoip/sample-city.mmdb"),
        ["GeoIp:AsnDatabasePath"] = SampleData.Find("geoip/sample-asn.mmdb"),
    };
}
