using System.Text.Json;
using LoginGuard.Worker.Commands;
using LoginGuard.Worker.Hosting;
using LoginGuard.Worker.Rules;

namespace LoginGuard.IntegrationTests.Scenarios;

/// <summary>
/// Every detection's scenario, run through the whole pipeline the replay uses (the default rules file, the
/// sample geo databases, in-memory state) by the runner behind <c>loginguard rules test</c>, and a check that no
/// rule in the default rules file goes untested.
/// </summary>
public sealed class ScenarioTests
{
    public static TheoryData<string> All() => new(Scenario.Names(Scenario.DefaultRoot));

    [Theory]
    [MemberData(nameof(All))]
    public async Task Each_rule_fires_on_its_scenario_and_stays_quiet_where_it_should(string name)
    {
        var failures = await ScenarioRun.FailuresAsync(Scenario.Load(Scenario.DefaultRoot, name), RulesFile.DefaultPath, CancellationToken.None);

        failures.Should().BeEmpty();
    }

    [Fact]
    public void Every_rule_in_the_default_rules_file_has_a_scenario()
    {
        using var rules = JsonDocument.Parse(File.ReadAllText(RulesFile.DefaultPath));
        var ids = rules.RootElement.GetProperty("Scoring").GetProperty("Rules").EnumerateObject().Select(r => r.Name);

        Scenario.Names(Scenario.DefaultRoot).Should().Contain(ids, "every detection ships with a scenario under data-samples/scenarios/<rule id>/");
    }

    [Fact]
    public async Task The_rules_test_command_passes_the_shipped_fixture_and_fails_a_broken_one_naming_what_differs()
    {
        var directory = Directory.CreateTempSubdirectory("loginguard-rules-test-").FullName;
        try
        {
            foreach (var (name, level) in new[] { ("new-device", "low"), ("new-device-broken", "high") })
            {
                var folder = Directory.CreateDirectory(Path.Combine(directory, name)).FullName;
                File.Copy(Path.Combine(Scenario.DefaultRoot, "new-device", "events.jsonl"), Path.Combine(folder, "events.jsonl"));
                var expected = File.ReadAllText(Path.Combine(Scenario.DefaultRoot, "new-device", "expected.json"));
                File.WriteAllText(Path.Combine(folder, "expected.json"), expected.Replace("\"level\": \"low\"", $"\"level\": \"{level}\"", StringComparison.Ordinal));
            }

            using var output = new StringWriter();
            var exitCode = await RulesCommand.TestAsync(new DirectoryInfo(directory), new FileInfo(RulesFile.DefaultPath), output, CancellationToken.None);

            exitCode.Should().Be(1);
            output.ToString().Should().MatchRegex(@"new-device\s+pass").And.MatchRegex(@"new-device-broken\s+FAIL")
                .And.Contain("new-device-2: level should be high").And.Contain("1 of 2 scenarios pass.");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
