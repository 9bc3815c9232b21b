using System.Text.Json;
using LoginGuard.Alerts;
using LoginGuard.Pipeline;
using LoginGuard.Scoring;
using LoginGuard.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

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
        var (decisions, deadLettered, mail) = await DecideAsync(scenario.EventsPath);

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

        deadLettered.Should().Equal(scenario.DeadLettered, $"{name} dead-letters exactly the events expected.json names under deadLettered");
        foreach (var (kind, count) in scenario.Mail)
        {
            mail.Count(m => m.Headers[AlertMessageBuilder.AlertHeader] == kind).Should().Be(count, $"{name} sends {count} {kind} mail(s)");
        }
    }

    [Fact]
    public void Every_rule_in_the_default_rules_file_has_a_scenario()
    {
        using var rules = JsonDocument.Parse(File.ReadAllText(RulesFile.DefaultPath));
        var ids = rules.RootElement.GetProperty("Scoring").GetProperty("Rules").EnumerateObject().Select(r => r.Name);

        Scenario.Names().Should().Contain(ids, "every detection ships with a scenario under data-samples/scenarios/<rule id>/");
    }

    /// <returns>Every decision, every dead letter's reason, and every mail sent once the host stopped (which closes the throttle windows still open).</returns>
    private static async Task<(Dictionary<string, Decision> Decisions, Dictionary<string, string> DeadLettered, List<MimeMessage> Mail)> DecideAsync(string eventsPath)
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
            var deadLettered = new Dictionary<string, string>();
            foreach (var line in await File.ReadAllLinesAsync(eventsPath))
            {
                switch (await pipeline.ProcessAsync(System.Text.Encoding.UTF8.GetBytes(line), CancellationToken.None))
                {
                    case Decided decided:
                        decisions[decided.Decision.EventId] = decided.Decision;
                        break;
                    case DeadLettered dead:
                        using (var json = JsonDocument.Parse(line))
                        {
                            deadLettered[json.RootElement.GetProperty("eventId").GetString()!] = dead.Rejection.Reason;
                        }

                        break;
                }
            }

            await host.StopAsync();
            return (decisions, deadLettered, [.. Directory.EnumerateFiles(pickup, "*.eml").Select(path => MimeMessage.Load(path))]);
        }
        finally
        {
            Directory.Delete(pickup, recursive: true);
        }
    }
}
