using System.Text.Json;
using LoginGuard.Alerts;
using LoginGuard.Pipeline;
using LoginGuard.Scoring;
using LoginGuard.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.IntegrationTests.Scenarios;

/// <summary>
/// Every detection's scenario, run through the whole pipeline the replay uses (the default rules file, the
/// sample geo databases, in-memory state), and a check that no rule in the default rules file goes untested.
/// </summary>
public sealed class ScenarioTests
{
    public static TheoryData<string> All() => new(Scenario.Names());

    [Theory]
    [MemberData(nameof(All))]
    public async Task Each_rule_fires_on_its_scenario_and_stays_quiet_where_it_should(string name)
    {
        var scenario = Scenario.Load(name);
        var decisions = await DecideAsync(scenario.EventsPath);

        foreach (var (eventId, expected) in scenario.Expected)
        {
            var decision = decisions.Should().ContainKey(eventId, "expected.json names it").WhoseValue;
            var fired = decision.Reasons.Select(r => r.Rule).ToList();
            var because = $"{name}/{eventId} decided {decision.RiskLevel.ToWireName()} with [{string.Join("; ", decision.Reasons.Select(r => $"{r.Rule}: {r.Detail}"))}]";
            foreach (var rule in expected.Fired)
            {
                fired.Should().Contain(rule, because);
            }

            foreach (var rule in expected.NotFired)
            {
                fired.Should().NotContain(rule, because);
            }

            if (expected.Level is { } level)
            {
                decision.RiskLevel.ToWireName().Should().Be(level, because);
            }

            if (expected.Below is { } below)
            {
                ((int)decision.RiskLevel).Should().BeLessThan((int)Enum.GetValues<RiskLevel>().Single(l => l.ToWireName() == below), because);
            }

            if (expected.AtLeast is { } atLeast)
            {
                ((int)decision.RiskLevel).Should().BeGreaterThanOrEqualTo((int)Enum.GetValues<RiskLevel>().Single(l => l.ToWireName() == atLeast), because);
            }

            if (expected.Alerts is { } alerts)
            {
                decision.Alerts.Select(a => a.ToWireName()).Should().Equal(alerts, because);
            }
        }
    }

    [Fact]
    public void Every_rule_in_the_default_rules_file_has_a_scenario()
    {
        using var rules = JsonDocument.Parse(File.ReadAllText(RulesFile.DefaultPath));
        var ids = rules.RootElement.GetProperty("Scoring").GetProperty("Rules").EnumerateObject().Select(r => r.Name);

        Scenario.Names().Should().Contain(ids, "every detection ships with a scenario under data-samples/scenarios/<rule id>/");
    }

    private static async Task<Dictionary<string, Decision>> DecideAsync(string eventsPath)
    {
        var pickup = Directory.CreateTempSubdirectory("loginguard-scenario-").FullName;
        try
        {
            using var host = LoginGuardHost.CreateBuilder(
                new Dictionary<string, string?>
                {
                    ["GeoIp:CityDatabasePath"] = SampleData.Find("geoip/sample-city.mmdb"),
                    ["GeoIp:AsnDatabasePath"] = SampleData.Find("geoip/sample-asn.mmdb"),
                },
                new Dictionary<string, string?> { ["Smtp:Host"] = "", ["Smtp:PickupDirectory"] = pickup, ["Logging:LogLevel:Default"] = "Error" }).Build();
            await host.StartAsync();
            var pipeline = host.Services.GetRequiredService<LoginPipeline>();
            var decisions = new Dictionary<string, Decision>();
            foreach (var line in await File.ReadAllLinesAsync(eventsPath))
            {
                var outcome = await pipeline.ProcessAsync(System.Text.Encoding.UTF8.GetBytes(line), CancellationToken.None);
                var decision = outcome.Should().BeOfType<Decided>("every scenario line is a valid event").Subject.Decision;
                decisions[decision.EventId] = decision;
            }

            await host.StopAsync();
            return decisions;
        }
        finally
        {
            Directory.Delete(pickup, recursive: true);
        }
    }
}
