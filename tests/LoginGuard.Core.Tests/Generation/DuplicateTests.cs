namespace LoginGuard.Core.Tests.Generation;

public sealed class DuplicateTests
{
    [Fact]
    public void Duplicates_repeat_an_earlier_line_verbatim()
    {
        var lines = Samples.Standard.Lines;
        var duplicates = lines.Select((line, index) => (line, index)).Where(d => d.line.IsDuplicate).ToList();

        duplicates.Should().HaveCount(Samples.Committed.Duplicates);
        foreach (var (duplicate, index) in duplicates)
        {
            lines.Take(index).Should().Contain(l => l.IsEvent && l.Text == duplicate.Text && l.EventId == duplicate.EventId);
        }
    }

    [Fact]
    public void A_redelivered_event_keeps_its_single_label_row()
    {
        var labelRows = Samples.Standard.LabelsCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(row => row.Split(',')[0]).ToList();

        foreach (var duplicate in Samples.Standard.Lines.Where(l => l.IsDuplicate))
        {
            labelRows.Should().ContainSingle(id => id == duplicate.EventId);
        }
    }

    [Fact]
    public void Without_noise_options_the_stream_holds_only_events()
    {
        var clean = Samples.Generate(Samples.Committed with { Users = 10, Days = 5, BadLines = 0, Duplicates = 0 });

        clean.Lines.Should().OnlyContain(l => l.IsEvent);
    }
}
