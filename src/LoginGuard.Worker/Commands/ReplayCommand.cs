using System.CommandLine;
using System.Diagnostics;
using LoginGuard.Pipeline;
using LoginGuard.Worker.Hosting;
using LoginGuard.Worker.Replay;

namespace LoginGuard.Worker.Commands;

/// <summary>
/// <c>loginguard replay [FILE] [--out DIR]</c>: the whole pipeline on embedded defaults — in-memory state,
/// mail to a pickup folder, the sample geo databases — with no Kafka, Redis or SMTP.
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
        var verbose = new Option<bool>("--verbose") { Description = "Log every warning (dead letters, unaddressable mail) as it happens." };
        var command = new Command("replay", "Replay auth events through the whole pipeline on embedded defaults and show the decisions and mail.")
        {
            file, output, verbose,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(file), parseResult.GetValue(output)!, parseResult.GetValue(verbose), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(FileInfo? file, DirectoryInfo output, bool verbose, CancellationToken cancellationToken)
    {
        var input = file?.FullName ?? SampleData.Find(DefaultInput);
        if (input is null || !File.Exists(input))
        {
            await Console.Error.WriteLineAsync($"replay: input file '{file?.FullName ?? DefaultInput}' does not exist.");
            return 2;
        }

        var outbox = PrepareOutput(output);
        using var host = LoginGuardHost.CreateBuilder(EmbeddedDefaults(), new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "",
            ["Smtp:PickupDirectory"] = outbox,

            // The summary and the output files tell the story; per-event warnings would bury it.
            ["Logging:LogLevel:Default"] = verbose ? "Warning" : "Error",
        }).Build();
        await host.StartAsync(cancellationToken);

        Console.WriteLine($"Replaying {input} …");
        var clock = Stopwatch.StartNew();
        var runner = new ReplayRunner(host.Services.GetRequiredService<LoginPipeline>());
        var tally = await runner.RunAsync(input, output.FullName, Console.Error, cancellationToken);
        ReplayReport.Write(Console.Out, tally, output.FullName, clock.Elapsed);

        await host.StopAsync(cancellationToken);
        return 0;
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
