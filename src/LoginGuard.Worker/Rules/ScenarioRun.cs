using System.Text;
using System.Text.Json;
using LoginGuard.Alerts;
using LoginGuard.Alerts.Content;
using LoginGuard.Contracts;
using LoginGuard.Pipeline;
using LoginGuard.Worker.Hosting;
using MimeKit;

namespace LoginGuard.Worker.Rules;

/// <summary>
/// Replays one scenario through the whole pipeline the replay uses (a rules file, the sample geo databases,
/// in-memory state, mail to a pickup folder) and lists every way its decisions, dead letters and mail differ from
/// what expected.json says; no line means it passes.
/// </summary>
internal static class ScenarioRun
{
    public static async Task<IReadOnlyList<string>> FailuresAsync(Scenario scenario, string? rulesFile, CancellationToken cancellationToken)
    {
        var (decisions, deadLettered, mail) = await ReplayAsync(scenario.EventsPath, rulesFile, cancellationToken);
        var failures = new List<string>();
        foreach (var (eventId, expected) in scenario.Expected)
        {
            if (!decisions.TryGetValue(eventId, out var decision))
            {
                failures.Add($"{eventId}: expected.json names it, but it was not decided{(deadLettered.TryGetValue(eventId, out var why) ? $" (dead-lettered: {why})" : "")}.");
                continue;
            }

            failures.AddRange(Check(expected, decision).Select(problem =>
                $"{eventId}: {problem}; decided {decision.RiskLevel.ToWireName()} with [{string.Join("; ", decision.Reasons.Select(r => $"{r.Rule}: {r.Detail}"))}]."));
        }

        foreach (var (eventId, reason) in scenario.DeadLettered.Where(d => deadLettered.GetValueOrDefault(d.Key) != d.Value))
        {
            failures.Add($"{eventId}: should be dead-lettered as {reason}, but {(deadLettered.TryGetValue(eventId, out var was) ? $"was as {was}" : "was not")}.");
        }

        foreach (var eventId in deadLettered.Keys.Where(id => !scenario.DeadLettered.ContainsKey(id)))
        {
            failures.Add($"{eventId}: dead-lettered as {deadLettered[eventId]}, which expected.json does not name under deadLettered.");
        }

        foreach (var (kind, count) in scenario.Mail)
        {
            var sent = mail.Count(m => m.Headers[AlertMessageBuilder.AlertHeader] == kind);
            if (sent != count)
            {
                failures.Add($"mail: {count} {kind} mail(s) expected, {sent} sent.");
            }
        }

        return failures;
    }

    private static IEnumerable<string> Check(Expectation expected, Decision decision)
    {
        var fired = decision.Reasons.Select(r => r.Rule).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in expected.Fired.Where(rule => !fired.Contains(rule)))
        {
            yield return $"{rule} should fire and did not";
        }

        foreach (var rule in expected.NotFired.Where(fired.Contains))
        {
            yield return $"{rule} should not fire and did";
        }

        var level = decision.RiskLevel.ToWireName();
        if (expected.Level is { } exactly && level != exactly)
        {
            yield return $"level should be {exactly}";
        }

        if (expected.Below is { } below && decision.RiskLevel >= LevelNamed(below))
        {
            yield return $"level should stay below {below}";
        }

        if (expected.AtLeast is { } atLeast && decision.RiskLevel < LevelNamed(atLeast))
        {
            yield return $"level should be at least {atLeast}";
        }

        if (expected.Alerts is { } alerts && !decision.Alerts.Select(a => a.ToWireName()).SequenceEqual(alerts, StringComparer.Ordinal))
        {
            yield return $"alerts should be [{string.Join(", ", alerts)}], were [{string.Join(", ", decision.Alerts.Select(a => a.ToWireName()))}]";
        }
    }

    private static RiskLevel LevelNamed(string name) => Enum.GetValues<RiskLevel>().Single(l => l.ToWireName() == name);

    /// <returns>Every decision, every dead letter's reason, and every mail sent once the host stopped (which closes the throttle windows still open).</returns>
    private static async Task<(Dictionary<string, Decision> Decisions, Dictionary<string, string> DeadLettered, List<MimeMessage> Mail)> ReplayAsync(
        string eventsPath, string? rulesFile, CancellationToken cancellationToken)
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
                new Dictionary<string, string?> { ["Smtp:Host"] = "", ["Smtp:PickupDirectory"] = pickup, ["Logging:LogLevel:Default"] = "Error" },
                rulesFile).Build();
            await host.StartAsync(cancellationToken);
            var pipeline = host.Services.GetRequiredService<LoginPipeline>();
            var decisions = new Dictionary<string, Decision>();
            var deadLettered = new Dictionary<string, string>();
            foreach (var line in await File.ReadAllLinesAsync(eventsPath, cancellationToken))
            {
                switch (await pipeline.ProcessAsync(Encoding.UTF8.GetBytes(line), cancellationToken))
                {
                    case Decided decided:
                        decisions[decided.Decision.EventId] = decided.Decision;
                        if (decided.Publication is { } kept)
                        {
                            await pipeline.PublishedAsync([kept], cancellationToken);
                        }

                        break;
                    case DeadLettered dead:
                        using (var json = JsonDocument.Parse(line))
                        {
                            deadLettered[json.RootElement.GetProperty("eventId").GetString()!] = dead.Rejection.Reason;
                        }

                        break;
                }
            }

            await host.StopAsync(cancellationToken);
            return (decisions, deadLettered, [.. Directory.EnumerateFiles(pickup, "*.eml").Select(path => MimeMessage.Load(path))]);
        }
        finally
        {
            Directory.Delete(pickup, recursive: true);
        }
    }
}
