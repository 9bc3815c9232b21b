using System.Text.Json;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.IntegrationTests.Scenarios;

/// <summary>
/// One folder under data-samples/scenarios/&lt;rule id&gt;: events.jsonl and expected.json, which says for named
/// events which rules must fire and must not, and optionally the level (or a level it must stay below, or reach at least, where a
/// retrained model may fairly move it within that band) and the mail.
/// </summary>
internal sealed record Scenario(string Name, string EventsPath, IReadOnlyDictionary<string, Expectation> Expected)
{
    public static string Root => Path.Combine(Path.GetDirectoryName(SampleData.Find("login-events.jsonl")!)!, "scenarios");

    public static IEnumerable<string> Names() => Directory.EnumerateDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static Scenario Load(string name)
    {
        var folder = Path.Combine(Root, name);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        var events = expected.RootElement.GetProperty("events").EnumerateObject().ToDictionary(e => e.Name, e => Expectation.From(e.Value));
        return new Scenario(name, Path.Combine(folder, "events.jsonl"), events);
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
