using System.Text.Json;
using LoginGuard.Alerts;
using LoginGuard.Contracts;
using LoginGuard.Ingestion;

namespace LoginGuard.Core.Tests.Contract;

/// <summary>Keeps the published JSON Schemas and the parser telling producers the same thing.</summary>
public sealed class SchemaTests
{
    private static readonly JsonElement EventSchema = Load("auth-event.schema.json");
    private static readonly JsonElement DecisionSchema = Load("decision.schema.json");

    [Fact]
    public void The_event_schema_requires_exactly_the_fields_the_parser_requires()
    {
        var required = EventSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString());
        required.Should().BeEquivalentTo("eventId", "type", "occurredAt", "userId", "ip");

        foreach (var field in required)
        {
            var json = $$"""{"eventId":"e","type":"login.succeeded","occurredAt":"2026-10-01T08:00:00Z","userId":"u","ip":"1.2.3.4"}""";
            using var document = JsonDocument.Parse(json);
            var without = "{" + string.Join(",", document.RootElement.EnumerateObject().Where(p => p.Name != field).Select(p => p.ToString())) + "}";
            EventParser.Parse(without).Rejection!.Reason.Should().Be(RejectionReasons.MissingField, field);
        }
    }

    [Fact]
    public void The_event_schema_lists_every_field_and_value_the_parser_knows()
    {
        var properties = EventSchema.GetProperty("properties");
        properties.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(WireFields.Names);
        Enum(properties.GetProperty("type")).Should().BeEquivalentTo(AuthEventTypes.AllWireNames);
        Enum(properties.GetProperty("failureReason")).Should().BeEquivalentTo(FailureReasons.AllWireNames);
        EventSchema.GetProperty("description").GetString().Should().Contain("No field may carry a secret");
    }

    [Fact]
    public void The_decision_schema_lists_every_alert_kind()
    {
        var alerts = DecisionSchema.GetProperty("properties").GetProperty("alerts").GetProperty("items");
        Enum(alerts).Should().BeEquivalentTo(Enum<AlertKind>().Select(k => k.ToWireName()));
    }

    private static IEnumerable<string?> Enum(JsonElement property) =>
        property.GetProperty("enum").EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString());

    private static IEnumerable<T> Enum<T>() where T : struct, System.Enum => System.Enum.GetValues<T>();

    private static JsonElement Load(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "docs", name);
            if (File.Exists(path))
            {
                return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
            }
        }

        throw new FileNotFoundException($"docs/{name} not found above {AppContext.BaseDirectory}");
    }
}
