using System.Text.Json;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.Worker.Rules;

/// <summary>
/// One folder under data-samples/scenarios/&lt;rule id or fault&gt;: events.jsonl and expected.json, which says for named
/// events which rules must fire and must not, and optionally the level (or a level it must stay below, or reach at least, where a
/// retrained model may fairly move it within that band) and the mail; and, under <c>deadLettered</c>, which
/// events must be dead-lettered and with what reason (every other line must be decided); and optionally, under
/// "mail", how many mails of each kind (X-LoginGuard-Alert) the whole replay sends, counted in the pickup folder
/// once every window has closed.
/// </summary>
internal sealed record Scenario(
    string Name, string EventsPath, IReadOnlyDictionary<string, Expectation> Expected, IReadOnlyDictionary<string, string> DeadLettered, IReadOnlyDictionary<string, int> Mail)
{
    /// <summary>The scenarios that ship with LoginGuard, one per rule and fault.</summary>
    public static string DefaultRoot => Path.Combine(Path.GetDirectoryName(SampleData.Find("login-events.jsonl")!)!, "scenarios");

    /// <summary>Every folder under <paramref name="root"/> that holds a scenario, by name.</summary>
    public static IEnumerable<string> Names(string root) =>
        Directory.EnumerateDirectories(root).Where(d => File.Exists(Path.Combine(d, "expected.json"))).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static Scenario Load(string root, string name)
    {
        var folder = Path.Combine(root, name);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        var events = expected.RootElement.GetProperty("events").EnumerateObject().ToDictionary(e => e.Name, e => Expectation.From(e.Value));
        var deadLettered = expected.RootElement.TryGetProperty("deadLettered", out var dead)
            ? dead.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetString()!)
            : [];
        var mail = expected.RootElement.TryGetProperty("mail", out var counts)
            ? counts.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt32())
            : [];
        return new Scenario(name, Path.Combine(folder, "events.jsonl"), events, deadLettered, mail);
    }
}

internal sealed record Expectation(IReadOnlyList<string> Fired, IReadOnlyList<string> NotFired, string? Level, string? Below, string? AtLeast, IReadOnlyList<string>? Alerts)
{
    public static Expectation From(JsonElement json) => new(
        Strings(json, "fired") ?? [],
        Strings(json, "notFired") ?? [],
        json.TryGetProperty("level", out var level) ? level.GetString() : null,
        json.TryGetProperty("below", out var below) ? below.GetString() : null,
        json.TryGetProperty("atLeast", out var atLeast) ? atLeast.GetString() : null,
        Strings(json, "alerts"));

    private static List<string>? Strings(JsonElement json, string name) =>
        json.TryGetProperty(name, out var values) ? values.EnumerateArray().Select(v => v.GetString()!).ToList() : null;
}
