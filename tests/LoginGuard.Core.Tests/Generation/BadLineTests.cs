using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LoginGuard.Contracts;
using LoginGuard.Tools.Generation.Stream;

namespace LoginGuard.Core.Tests.Generation;

public sealed class BadLineTests
{
    private static readonly string[] RequiredFields = ["eventId", "type", "occurredAt", "userId", "ip"];

    // Kinds travel by name: the enum is internal and xUnit theories are public.
    public static TheoryData<string> Kinds => new(Enum.GetNames<BadLineKind>());

    [Fact]
    public void Every_kind_of_bad_line_is_in_the_sample()
    {
        var kinds = Samples.Standard.Lines.Where(l => l.BadKind is not null).Select(l => l.BadKind!.Value).ToList();

        kinds.Should().HaveCount(Samples.Committed.BadLines);
        kinds.Distinct().Should().BeEquivalentTo(Enum.GetValues<BadLineKind>());
    }

    [Fact]
    public void Bad_lines_get_no_label()
    {
        var labelled = Samples.Standard.LabelsCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(row => row.Split(',')[0]).ToHashSet();

        foreach (var line in Samples.Standard.Lines.Where(l => l.BadKind is not null))
        {
            labelled.Should().NotContain(id => line.Text.Contains(id, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_bad_line_breaks_the_contract_in_the_way_it_claims(string kindName)
    {
        var kind = Enum.Parse<BadLineKind>(kindName);
        foreach (var line in Samples.Standard.Lines.Where(l => l.BadKind == kind).Select(l => l.Text))
        {
            IsBadIn(kind, line).Should().BeTrue($"a {kind} line should be bad that way: {line[..Math.Min(line.Length, 200)]}");
        }
    }

    private static bool IsBadIn(BadLineKind kind, string line) => kind switch
    {
        BadLineKind.InvalidJson => !IsJson(line),
        BadLineKind.ArrayInsteadOfObject => JsonDocument.Parse(line).RootElement.ValueKind == JsonValueKind.Array,
        BadLineKind.OverSizeLimit => Encoding.UTF8.GetByteCount(line) > 65536 && Otherwise_valid(line),
        BadLineKind.NestedTooDeep => Depth(line) > 16 && Otherwise_valid(line),
        BadLineKind.MissingEventId => Missing(line, "eventId"),
        BadLineKind.MissingUserId => Missing(line, "userId"),
        BadLineKind.UnknownType => !AuthEventTypes.TryParse(Field(line, "type"), out _),
        BadLineKind.BadIp => !IPAddress.TryParse(Field(line, "ip"), out _),
        BadLineKind.BadTimestamp => !DateTimeOffset.TryParseExact(
            Field(line, "occurredAt"), ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        BadLineKind.EventIdTooLong => Field(line, "eventId").Length > 128,
        _ => false,
    };

    private static bool IsJson(string line)
    {
        try
        {
            using var _ = JsonDocument.Parse(line);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Missing(string line, string field)
    {
        var root = JsonDocument.Parse(line).RootElement;
        return !root.TryGetProperty(field, out _) && RequiredFields.Where(f => f != field).All(f => root.TryGetProperty(f, out _));
    }

    private static string Field(string line, string field) => JsonDocument.Parse(line).RootElement.GetProperty(field).GetString()!;

    // The only fault is the one claimed: the line still has every required field.
    private static bool Otherwise_valid(string line) => Missing(line, "none");

    private static int Depth(string line)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line), new JsonReaderOptions { MaxDepth = 256 });
        var deepest = 0;
        while (reader.Read())
        {
            deepest = Math.Max(deepest, reader.CurrentDepth + (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? 1 : 0));
        }

        return deepest;
    }
}
