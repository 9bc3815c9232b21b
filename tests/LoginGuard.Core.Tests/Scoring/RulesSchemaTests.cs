using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LoginGuard.Scoring;
using LoginGuard.State;
using Microsoft.Extensions.Configuration;

namespace LoginGuard.Core.Tests.Scoring;

/// <summary>
/// rules.schema.json lets an editor check and complete the rules file as it is typed. It must agree with the
/// worker: what the schema refuses, the worker refuses, and every kind the worker knows is in it.
/// </summary>
public sealed class RulesSchemaTests
{
    private static readonly string RulesFile = Path.Combine(AppContext.BaseDirectory, "rules.json");

    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules.schema.json")));

    private const string Spray = """{ "Kind": "DistinctLearnersFailing", "GroupBy": "Address", "Window": "10m", "Threshold": 10, "Cooldown": "30m", "Weight": 0.6 }""";

    [Fact]
    public void The_shipped_rules_file_names_the_schema_beside_it_and_passes_it()
    {
        var rules = JsonNode.Parse(File.ReadAllText(RulesFile))!;

        rules["$schema"]!.GetValue<string>().Should().Be("./rules.schema.json");
        Evaluate(rules).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Describes_every_kind_the_worker_knows_with_the_parameters_it_requires_and_refuses()
    {
        var rule = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules.schema.json")))!["$defs"]!["rule"]!;
        var kinds = rule["properties"]!["Kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>());
        var conditions = rule["allOf"]!.AsArray().ToDictionary(c => c!["if"]!["properties"]!["Kind"]!["const"]!.GetValue<string>(), c => c!["then"]!);

        kinds.Should().BeEquivalentTo(RuleKinds.ByName.Values.Select(k => k.Name));
        foreach (var kind in RuleKinds.ByName.Values)
        {
            var then = conditions[kind.Name];
            var required = then["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [];
            var refused = then["properties"]?.AsObject().Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.False).Select(p => p.Key) ?? [];

            required.Should().BeEquivalentTo(kind.Required, kind.Name);
            refused.Should().BeEquivalentTo(RuleKinds.KindParameters.Except(kind.Parameters), kind.Name);
        }
    }

    [Theory]
    [InlineData(""" "Window": "1h30m" """)]
    [InlineData(""" "Window": "00:10:00" """)]
    [InlineData(""" "Mode": "Simulate", "Cooldown": "0s" """)]
    public void Accepts_what_the_worker_accepts(string change)
    {
        var file = RulesWith("spray-per-ip", Changed(Spray, change));

        Evaluate(file).IsValid.Should().BeTrue();
        WorkerErrors(file).Should().BeEmpty();
    }

    [Theory]
    [InlineData(""" "Treshold": 10 """)]
    [InlineData(""" "Window": "10 minutes" """)]
    [InlineData(""" "Mode": "Enforced" """)]
    [InlineData(""" "Lookback": "30d" """)]
    [InlineData(""" "GroupBy": "Learner" """)]
    [InlineData(""" "Threshold": 1 """)]
    [InlineData(""" "Weight": 1.5 """)]
    [InlineData(""" "Kind": "Spray" """)]
    public void Refuses_what_the_worker_refuses(string change)
    {
        var file = RulesWith("spray-per-ip", Changed(Spray, change));

        Evaluate(file).IsValid.Should().BeFalse();
        WorkerErrors(file).Should().NotBeEmpty();
    }

    [Fact]
    public void Refuses_a_rule_without_the_parameters_its_kind_requires()
    {
        var file = RulesWith("impossible-travel", """{ "Kind": "ImpossibleTravel", "MaxSpeedKmh": 1000, "Weight": 0.7 }""");

        Evaluate(file).IsValid.Should().BeFalse();
        WorkerErrors(file).Should().ContainSingle().Which.Should().Contain("MinimumDistanceKm");
    }

    private static EvaluationResults Evaluate(JsonNode file) =>
        Schema.Evaluate(JsonDocument.Parse(file.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static List<string> WorkerErrors(JsonNode file)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(file.ToJsonString()))).Build();
        return ScoringConfiguration.Load(configuration, new StateOptions()).Errors;
    }

    private static JsonNode RulesWith(string id, string rule) =>
        JsonNode.Parse($$"""{ "$schema": "./rules.schema.json", "Scoring": { "Rules": { "{{id}}": {{rule}} } } }""")!;

    private static string Changed(string rule, string change)
    {
        var node = JsonNode.Parse(rule)!.AsObject();
        foreach (var (key, value) in JsonNode.Parse("{" + change + "}")!.AsObject())
        {
            node[key] = value?.DeepClone();
        }

        return node.ToJsonString();
    }
}
