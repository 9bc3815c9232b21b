using System.CommandLine;
using LoginGuard.Tools.Generation;
using LoginGuard.Tools.Generation.Geo;
using LoginGuard.Tools.Generation.Profiles;
using LoginGuard.Tools.Generation.Stream;
using LoginGuard.Worker.Terminal;

namespace LoginGuard.Tools.Commands;

internal static class GenerateCommand
{
    public static Command Create()
    {
        var users = AtLeast(new Option<int>("--users") { Description = "Learners to simulate.", DefaultValueFactory = _ => 200 }, 1);
        var days = AtLeast(new Option<int>("--days") { Description = "Days of activity.", DefaultValueFactory = _ => 30 }, 1);
        var seed = new Option<int>("--seed") { Description = "Seed; the same seed writes the same bytes.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for events.jsonl and labels.csv.", Required = true };
        var start = new Option<DateOnly>("--start") { Description = "First day, as yyyy-MM-dd; days run midnight to midnight UTC.", DefaultValueFactory = _ => new DateOnly(2026, 10, 1) };
        var badLines = AtLeast(new Option<int>("--bad-lines") { Description = "Lines that break the contract, every kind in turn." }, 0);
        var duplicates = AtLeast(new Option<int>("--duplicates") { Description = "Earlier lines delivered again verbatim." }, 0);
        var profile = new Option<string>("--profile")
        {
            Description = $"Who the learners are and how they are attacked: {string.Join(", ", GenerationProfile.All.Keys)}. Models are trained on 'training'; the others are for evaluation under shift (docs/detection.md).",
            DefaultValueFactory = _ => TrainingProfile.Profile.Name,
        };
        profile.Validators.Add(result =>
        {
            var name = result.GetValueOrDefault<string>();
            if (!GenerationProfile.All.ContainsKey(name))
            {
                result.AddError($"--profile: no profile '{name}'. Use one of: {string.Join(", ", GenerationProfile.All.Keys)}.");
            }
        });
        var geoip = new Option<DirectoryInfo>("--geoip")
        {
            Description = "Directory holding city-ranges.csv and asn-ranges.csv.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("data-samples", "geoip")),
        };
        geoip.Validators.Add(result =>
        {
            var directory = result.GetValueOrDefault<DirectoryInfo>().FullName;
            foreach (var file in new[] { "city-ranges.csv", "asn-ranges.csv" }.Where(f => !File.Exists(Path.Combine(directory, f))))
            {
                result.AddError($"--geoip: {file} not found in '{directory}'. Pass the directory holding the sample geo CSVs (data-samples/geoip).");
            }
        });

        var command = new Command("generate", "Write a labelled, reproducible sample of auth events.");
        foreach (var option in new Option[] { users, days, seed, output, start, badLines, duplicates, profile, geoip })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, _) =>
        {
            var progress = CommandProgress.For("generate", parseResult.InvocationConfiguration.Output);
            var settings = new GenerationSettings(
                parseResult.GetValue(users),
                parseResult.GetValue(days),
                parseResult.GetValue(seed),
                parseResult.GetValue(start),
                parseResult.GetValue(badLines),
                parseResult.GetValue(duplicates),
                GenerationProfile.All[parseResult.GetRequiredValue(profile)]);
            var geo = GeoCatalogue.Load(parseResult.GetRequiredValue(geoip).FullName);
            var stream = await progress.ComputeAsync("simulate learners", settings.Users, learners => LoginEventGenerator.Generate(settings, geo, learners));
            var directory = parseResult.GetRequiredValue(output).FullName;
            await progress.ComputeAsync("write files", null, _ => SampleFiles.Write(stream, directory));
            progress.Finish($"wrote {stream.Lines.Count:N0} lines ({stream.Events.Count():N0} events) to {directory}");
        });
        return command;
    }

    private static Option<int> AtLeast(Option<int> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < minimum)
            {
                result.AddError($"{option.Name} must be at least {minimum} (was {value}).");
            }
        });
        return option;
    }
}
