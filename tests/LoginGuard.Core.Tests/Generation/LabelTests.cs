using System.Globalization;

namespace LoginGuard.Core.Tests.Generation;

public sealed class LabelTests
{
    [Fact]
    public void Every_label_row_names_an_event_in_the_stream()
    {
        var eventIds = Samples.ParsedEvents(Samples.Standard).Select(e => e.Json.GetProperty("eventId").GetString()).ToHashSet();
        var rows = Samples.Standard.LabelsCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        rows[0].Should().Be("eventId,attack,scenario");
        rows.Skip(1).Select(row => row.Split(',')).Should().OnlyContain(cells =>
            cells.Length == 3 && eventIds.Contains(cells[0]) && (cells[1] == "0" || cells[1] == "1") && cells[2].Length > 0);
    }

    [Fact]
    public void Every_event_is_labelled_exactly_once()
    {
        var rows = Samples.Standard.LabelsCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(row => row.Split(',')[0]).ToList();

        rows.Should().OnlyHaveUniqueItems();
        rows.Should().HaveCount(Samples.Standard.Events.Count());
    }

    [Fact]
    public void Events_stay_within_the_requested_days()
    {
        var start = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var times = Samples.ParsedEvents(Samples.Standard).Select(e => OccurredAt(e.Json.GetProperty("occurredAt").GetString()!));

        times.Should().OnlyContain(t => t >= start && t < start.AddDays(Samples.Committed.Days));
    }

    [Fact]
    public void Events_arrive_in_time_order_apart_from_a_few_seconds_late()
    {
        var times = Samples.ParsedEvents(Samples.Standard).Select(e => OccurredAt(e.Json.GetProperty("occurredAt").GetString()!)).ToList();
        var latest = DateTimeOffset.MinValue;
        var lateBy = new List<TimeSpan>();
        foreach (var time in times)
        {
            if (time < latest)
            {
                lateBy.Add(latest - time);
            }

            latest = time > latest ? time : latest;
        }

        lateBy.Should().NotBeEmpty().And.OnlyContain(delay => delay <= TimeSpan.FromSeconds(10));
        lateBy.Count.Should().BeLessThan(times.Count / 50);
    }

    [Fact]
    public void Learners_carry_example_addresses_and_varied_display_names()
    {
        var events = Samples.ParsedEvents(Samples.Standard).Where(e => e.Json.TryGetProperty("displayName", out _)).ToList();
        var names = events.Select(e => e.Json.GetProperty("displayName").GetString()!).Distinct().ToList();

        events.Select(e => e.Json.GetProperty("email").GetString()!)
            .Should().OnlyContain(email => email.EndsWith("@example.org") || email.EndsWith("@example.com") || email.EndsWith("@example.net"));
        names.Should().HaveCountGreaterThan(40).And.Contain(name => name.Any(c => c > 127));
    }

    private static DateTimeOffset OccurredAt(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
