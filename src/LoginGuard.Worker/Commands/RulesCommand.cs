using System.CommandLine;
using LoginGuard.Worker.Rules;
using Microsoft.Extensions.Options;

namespace LoginGuard.Worker.Commands;

/// <summary>
/// <c>loginguard rules test [DIR] [--rules FILE]</c>: replays every scenario fixture (a folder with events.jsonl and
/// expected.json) under a rules file and prints a pass/fail table, so a security engineer checks a rules change
/// against the detections' fixtures without the test suite. Exit code 1 when a scenario fails, 2 on bad input.
/// </summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo?>("dir")
        {
            Description = "A folder of scenario folders (default: data-samples/scenarios).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var rules = RulesFileOption.Create();
        var test = new Command("test", "Replay every scenario fixture under the rules and print which pass.") { directory, rules };
        test.SetAction((parseResult, cancellationToken) => TestAsync(
            parseResult.GetValue(directory), parseResult.GetRequiredValue(rules), Console.Out, cancellationToken));
        return new Command("rules", "Work with the rules file.") { test };
    }

    public static async Task<int> TestAsync(DirectoryInfo? directory, FileInfo rules, TextWriter output, CancellationToken cancellationToken)
    {
        var root = directory?.FullName ?? Scenario.DefaultRoot;
        if (!Directory.Exists(root) || !Scenario.Names(root).Any())
        {
            await Console.Error.WriteLineAsync($"rules test: no scenario folder (with events.jsonl and expected.json) under '{root}'.");
            return 2;
        }

        var failed = 0;
        await output.WriteLineAsync($"{"scenario",-48} result");
        foreach (var name in Scenario.Names(root))
        {
            IReadOnlyList<string> failures;
            try
            {
                failures = await ScenarioRun.FailuresAsync(Scenario.Load(root, name), rules.FullName, cancellationToken);
            }
            catch (OptionsValidationException invalid)
            {
                await Console.Error.WriteLineAsync($"rules test: the rules file has {invalid.Failures.Count()} error(s):");
                foreach (var failure in invalid.Failures)
                {
                    await Console.Error.WriteLineAsync("  " + failure);
                }

                return 2;
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
            {
                failures = [$"cannot be read: {e.Message}"];
            }

            failed += failures.Count == 0 ? 0 : 1;
            await output.WriteLineAsync($"{name,-48} {(failures.Count == 0 ? "pass" : "FAIL")}");
            foreach (var failure in failures)
            {
                await output.WriteLineAsync($"    {failure}");
            }
        }

        var total = Scenario.Names(root).Count();
        await output.WriteLineAsync($"{total - failed} of {total} scenarios pass.");
        return failed == 0 ? 0 : 1;
    }
}
