using System.Text.Json;
using LoginGuard.Contracts;

namespace LoginGuard.Core.Tests.Pipeline;

public sealed class DecisionJsonTests
{
    private static readonly Decision Sample = new(
        "e-81", "u-42", AuthEventType.LoginSucceeded, new DateTimeOffset(2026, 10, 3, 19, 2, 11, TimeSpan.Zero), 0.35, RiskLevel.Low,
        [new RiskReason("new-device", 1, "first sign-in from Firefox 128 on Windows"), new RiskReason("new-country", 0.5, "FR → BR", Simulated: true)],
        [AlertKind.NewDevice], "rs-4f0c2a9e1b7d")
    {
        Context = new DecisionContext("Firefox 128 on Windows", "FR", "Lyon", 12322, "Free SAS"),
    };

    [Fact]
    public void Publishes_the_decision_with_the_contracts_field_names_and_values()
    {
        using var json = JsonDocument.Parse(DecisionJson.Serialize(Sample));
        var root = json.RootElement;

        root.GetProperty("type").GetString().Should().Be("login.succeeded");
        root.GetProperty("occurredAt").GetString().Should().Be("2026-10-03T19:02:11.000Z");
        root.GetProperty("riskLevel").GetString().Should().Be("low");
        root.GetProperty("riskScore").GetDouble().Should().Be(0.35);
        root.GetProperty("reasons")[0].GetProperty("rule").GetString().Should().Be("new-device");
        root.GetProperty("reasons")[1].GetProperty("simulated").GetBoolean().Should().BeTrue();
        root.GetProperty("alerts")[0].GetString().Should().Be("new-device");
        root.GetProperty("ruleSetVersion").GetString().Should().Be("rs-4f0c2a9e1b7d");
        root.GetProperty("context").GetProperty("city").GetString().Should().Be("Lyon");
        root.GetProperty("context").GetProperty("asn").GetInt64().Should().Be(12322);
        root.TryGetProperty("duplicate", out _).Should().BeFalse("duplicate appears only when true");
    }

    [Fact]
    public void A_tiny_score_reads_as_a_plain_decimal_not_in_exponent_notation()
    {
        var ordinary = Sample with { RiskScore = 0.000001, Reasons = [new RiskReason("anomaly-model", 0.000021, "ordinary")] };

        var text = System.Text.Encoding.UTF8.GetString(DecisionJson.Serialize(ordinary));

        text.Should().Contain("\"riskScore\":0.000001,").And.Contain("\"score\":0.000021,");
        DecisionJson.Deserialize(DecisionJson.Serialize(ordinary)).RiskScore.Should().Be(0.000001);
    }

    [Fact]
    public void Reads_back_exactly_what_it_wrote_including_the_duplicate_mark()
    {
        var duplicate = Sample with { Duplicate = true };

        DecisionJson.Deserialize(DecisionJson.Serialize(duplicate)).Should().BeEquivalentTo(duplicate);
    }

    [Fact]
    public void A_short_decision_written_after_a_long_one_carries_nothing_of_it()
    {
        var lengthy = Sample with { Reasons = [.. Enumerable.Range(0, 80).Select(i => new RiskReason($"rule-{i}", 0.5, new string('x', 100)))] };

        DecisionJson.Serialize(lengthy).Length.Should().BeGreaterThan(8192, "longer than the buffer a decision starts with");
        DecisionJson.Deserialize(DecisionJson.Serialize(Sample)).Should().BeEquivalentTo(Sample);
        DecisionJson.Deserialize(DecisionJson.Serialize(lengthy)).Should().BeEquivalentTo(lengthy);
    }
}
