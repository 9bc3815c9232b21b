using System.Net;
using System.Text;
using LoginGuard.Contracts;
using LoginGuard.Ingestion;

namespace LoginGuard.Core.Tests.Ingestion;

public sealed class EventParserTests
{
    private const string Valid =
        """{"eventId":"e-1","type":"login.succeeded","occurredAt":"2026-10-01T08:15:02.123Z","userId":"u-42","ip":"81.57.10.20","userAgent":"Mozilla/5.0","deviceId":"d-9","email":"zoe@example.org","displayName":"Zoë Müller","locale":"fr-FR","mfaUsed":true}""";

    [Fact]
    public void Accepts_a_complete_login_event_with_every_field()
    {
        var result = EventParser.Parse(Valid);

        result.IsAccepted.Should().BeTrue();
        result.Event.Should().BeEquivalentTo(new AuthEvent(
            "e-1", AuthEventType.LoginSucceeded, new DateTimeOffset(2026, 10, 1, 8, 15, 2, 123, TimeSpan.Zero), "u-42",
            IPAddress.Parse("81.57.10.20"), "Mozilla/5.0", "d-9", "zoe@example.org", "Zoë Müller", "fr-FR", null, true));
    }

    [Theory]
    [InlineData("""{"eventId":"e","type":"login.failed","occurredAt":"2026-10-01T08:15:02Z","userId":"u","ip":"2a01:cb00::1","failureReason":"bad_password"}""")]
    [InlineData("""{"eventId":"e","type":"password.changed","occurredAt":"2026-10-01T10:15:02+02:00","userId":"u","ip":"1.2.3.4"}""")]
    [InlineData("""{"eventId":"e","type":"mfa.disabled","occurredAt":"2026-10-01 08:15:02.5z","userId":"u","ip":"1.2.3.4","email":null}""")]
    [InlineData("""{"eventId":"e","type":"account.deleted","occurredAt":"2026-10-01T08:15:02Z","userId":"u","ip":"::ffff:1.2.3.4","extra":{"nested":[1,2,{"a":null}]}}""")]
    [InlineData(""" { "ip":"1.2.3.4", "userId":"u", "occurredAt":"2026-10-01T08:15:02Z", "type":"email.changed", "eventId":"e" } """)]
    public void Accepts_minimal_events_of_every_shape_the_contract_allows(string json)
    {
        EventParser.Parse(json).IsAccepted.Should().BeTrue();
    }

    [Fact]
    public void Accepts_every_event_type_in_the_contract()
    {
        foreach (var type in AuthEventTypes.AllWireNames)
        {
            var result = EventParser.Parse(With("type", $"\"{type}\""));
            result.IsAccepted.Should().BeTrue(type);
            result.Event!.Type.ToWireName().Should().Be(type);
        }
    }

    [Fact]
    public void Reads_an_ipv4_mapped_ipv6_address_as_plain_ipv4()
    {
        EventParser.Parse(With("ip", "\"::ffff:81.57.10.20\"")).Event!.Ip.Should().Be(IPAddress.Parse("81.57.10.20"));
    }

    [Fact]
    public void Ignores_unknown_fields()
    {
        EventParser.Parse(Valid.Replace("}", ""","sessionId":"s","geo":{"x":1}}""", StringComparison.Ordinal)).IsAccepted.Should().BeTrue();
    }

    [Theory]
    [InlineData("not json", RejectionReasons.InvalidJson)]
    [InlineData("", RejectionReasons.InvalidJson)]
    [InlineData("""{"eventId":"e",""", RejectionReasons.InvalidJson)]
    [InlineData("""{"eventId":"e"} {"eventId":"f"}""", RejectionReasons.InvalidJson)]
    [InlineData("""[{"eventId":"e"}]""", RejectionReasons.NotAnObject)]
    [InlineData("\"login\"", RejectionReasons.NotAnObject)]
    [InlineData("""{"type":"login.succeeded","occurredAt":"2026-10-01T08:15:02Z","userId":"u","ip":"1.2.3.4"}""", RejectionReasons.MissingField)]
    [InlineData("""{"eventId":"  ","type":"login.succeeded","occurredAt":"2026-10-01T08:15:02Z","userId":"u","ip":"1.2.3.4"}""", RejectionReasons.MissingField)]
    [InlineData("""{"eventId":"e","occurredAt":"2026-10-01T08:15:02Z","userId":"u","ip":"1.2.3.4"}""", RejectionReasons.MissingField)]
    [InlineData("""{"eventId":"e","type":"login.succeeded","userId":"u","ip":"1.2.3.4"}""", RejectionReasons.MissingField)]
    [InlineData("""{"eventId":"e","type":"login.succeeded","occurredAt":"2026-10-01T08:15:02Z","ip":"1.2.3.4"}""", RejectionReasons.MissingField)]
    [InlineData("""{"eventId":"e","type":"login.succeeded","occurredAt":"2026-10-01T08:15:02Z","userId":"u"}""", RejectionReasons.MissingField)]
    [InlineData("""{"eventId":"e","type":"login.succeeded","occurredAt":"2026-10-01T08:15:02Z","userId":null,"ip":"1.2.3.4"}""", RejectionReasons.MissingField)]
    public void Rejects_messages_that_are_not_events(string json, string reason)
    {
        Rejected(json).Reason.Should().Be(reason);
    }

    [Theory]
    [InlineData("type", "\"login.maybe\"", RejectionReasons.UnknownType)]
    [InlineData("type", "\"LOGIN.SUCCEEDED\"", RejectionReasons.UnknownType)]
    [InlineData("type", "7", RejectionReasons.InvalidField)]
    [InlineData("occurredAt", "\"yesterday\"", RejectionReasons.InvalidTimestamp)]
    [InlineData("occurredAt", "\"2026-10-01T08:15:02\"", RejectionReasons.InvalidTimestamp)]
    [InlineData("occurredAt", "\"10/01/2026 08:15:02 +00:00\"", RejectionReasons.InvalidTimestamp)]
    [InlineData("occurredAt", "\"2026-13-01T08:15:02Z\"", RejectionReasons.InvalidTimestamp)]
    [InlineData("occurredAt", "1759306502", RejectionReasons.InvalidField)]
    [InlineData("ip", "\"1\"", RejectionReasons.InvalidIp)]
    [InlineData("ip", "\"256.1.1.1\"", RejectionReasons.InvalidIp)]
    [InlineData("ip", "\"0x7f.0.0.1\"", RejectionReasons.InvalidIp)]
    [InlineData("ip", "\"fe80::1%eth0\"", RejectionReasons.InvalidIp)]
    [InlineData("ip", "\"example.org\"", RejectionReasons.InvalidIp)]
    [InlineData("ip", "\"\"", RejectionReasons.InvalidIp)]
    [InlineData("userId", "42", RejectionReasons.InvalidField)]
    [InlineData("userId", "\"u\\r\\nBcc: x@example.org\"", RejectionReasons.InvalidField)]
    [InlineData("eventId", "\"e\\n1\"", RejectionReasons.InvalidField)]
    [InlineData("locale", "\"not a locale\"", RejectionReasons.InvalidField)]
    [InlineData("failureReason", "\"cosmic_rays\"", RejectionReasons.InvalidField)]
    [InlineData("mfaUsed", "\"yes\"", RejectionReasons.InvalidField)]
    [InlineData("email", "{\"address\":\"x\"}", RejectionReasons.InvalidField)]
    public void Rejects_a_malformed_field_naming_the_field(string field, string value, string reason)
    {
        var rejection = Rejected(With(field, value));

        rejection.Reason.Should().Be(reason);
        rejection.Field.Should().Be(field);
    }

    [Fact]
    public void Rejects_ids_longer_than_128_characters()
    {
        Rejected(With("eventId", $"\"{new string('e', 129)}\"")).Reason.Should().Be(RejectionReasons.InvalidField);
        EventParser.Parse(With("eventId", $"\"{new string('e', 128)}\"")).IsAccepted.Should().BeTrue();
    }

    [Fact]
    public void Rejects_a_field_sent_twice_rather_than_guessing_which_copy_counts()
    {
        Rejected(Valid.Replace("}", ""","userId":"someone-else"}""", StringComparison.Ordinal))
            .Should().BeEquivalentTo(new { Reason = RejectionReasons.DuplicateField, Field = "userId" });
    }

    [Fact]
    public void Rejects_a_message_over_64_KiB_before_reading_it()
    {
        var padding = new string('x', 64 * 1024);
        Rejected(Valid.Replace("}", $",\"padding\":\"{padding}\"}}", StringComparison.Ordinal)).Reason.Should().Be(RejectionReasons.TooLarge);
    }

    [Theory]
    [InlineData(15, true)]
    [InlineData(16, false)]
    [InlineData(200, false)]
    public void Rejects_json_nested_deeper_than_16_levels(int nestedLevelsInsideTheEvent, bool accepted)
    {
        var nested = string.Concat(Enumerable.Repeat("[", nestedLevelsInsideTheEvent)) + string.Concat(Enumerable.Repeat("]", nestedLevelsInsideTheEvent));
        var result = EventParser.Parse(Valid.Replace("}", $",\"deep\":{nested}}}", StringComparison.Ordinal));

        result.IsAccepted.Should().Be(accepted);
        if (!accepted)
        {
            result.Rejection!.Reason.Should().Be(RejectionReasons.TooDeep);
        }
    }

    [Fact]
    public void Rejects_bytes_that_are_not_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid).ToList();
        var at = bytes.IndexOf((byte)'Z');
        bytes.Insert(at, 0xFF);

        Rejected(bytes.ToArray()).Reason.Should().Be(RejectionReasons.InvalidJson);
    }

    [Fact]
    public void Cuts_a_client_sent_user_agent_and_device_cookie_to_length_so_a_flood_cannot_store_kilobytes_per_attempt()
    {
        var result = EventParser.Parse(Valid
            .Replace("\"Mozilla/5.0\"", $"\"Mozilla/5.0 {new string('x', 20_000)}\"", StringComparison.Ordinal)
            .Replace("\"d-9\"", $"\"{new string('d', 5_000)}\"", StringComparison.Ordinal));

        result.IsAccepted.Should().BeTrue("an attacker controls these fields; a rejection would keep the sign-in from being scored");
        result.Event!.UserAgent.Should().HaveLength(FieldLimits.UserAgent).And.StartWith("Mozilla/5.0 x");
        result.Event.DeviceId.Should().HaveLength(FieldLimits.DeviceId);
    }

    [Fact]
    public void Never_cuts_a_user_agent_between_the_halves_of_a_surrogate_pair()
    {
        var agent = new string('a', FieldLimits.UserAgent - 1) + "😀tail";

        EventParser.Parse(With("userAgent", $"\"{agent}\"")).Event!.UserAgent.Should().Be(new string('a', FieldLimits.UserAgent - 1));
    }

    [Theory]
    [InlineData("email", FieldLimits.Email)]
    [InlineData("previousEmail", FieldLimits.Email)]
    [InlineData("displayName", FieldLimits.DisplayName)]
    public void Rejects_an_account_field_longer_than_its_limit_naming_the_field_and_the_limit(string field, int max)
    {
        EventParser.Parse(With(field, $"\"{new string('a', max)}\"")).IsAccepted.Should().BeTrue();

        var rejection = Rejected(With(field, $"\"{new string('a', max + 1)}\""));

        rejection.Reason.Should().Be(RejectionReasons.InvalidField);
        rejection.Field.Should().Be(field);
        rejection.Detail.Should().Be($"{field} is {max + 1} characters; the limit is {max}");
    }

    [Fact]
    public void Every_rejection_reason_is_reachable_by_some_input()
    {
        var reasons = new[]
        {
            Rejected("x"), Rejected("[]"), Rejected(With("ip", "\"x\"")), Rejected(With("type", "\"x\"")),
            Rejected(With("occurredAt", "\"x\"")), Rejected(With("locale", "\"x y\"")), Rejected("{}"),
            Rejected(Valid.Replace("}", ",\"ip\":\"1.1.1.1\"}", StringComparison.Ordinal)),
            Rejected(new string(' ', EventParser.MaxMessageBytes + 1)),
            Rejected(Valid.Replace("}", $",\"d\":{new string('[', 20)}{new string(']', 20)}}}", StringComparison.Ordinal)),
        }.Select(r => r.Reason);

        reasons.Should().BeEquivalentTo(RejectionReasons.All);
    }

    private static string With(string field, string jsonValue)
    {
        var fields = new Dictionary<string, string>
        {
            ["eventId"] = "\"e-1\"", ["type"] = "\"login.succeeded\"", ["occurredAt"] = "\"2026-10-01T08:15:02Z\"",
            ["userId"] = "\"u-1\"", ["ip"] = "\"1.2.3.4\"",
        };
        fields[field] = jsonValue;
        return "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
    }

    private static Rejection Rejected(string json) => Rejected(Encoding.UTF8.GetBytes(json));

    private static Rejection Rejected(byte[] utf8)
    {
        var result = EventParser.Parse(utf8);
        result.IsAccepted.Should().BeFalse();
        return result.Rejection!;
    }
}
