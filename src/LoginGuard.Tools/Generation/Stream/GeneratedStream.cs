using System.Text;

namespace LoginGuard.Tools.Generation.Stream;

/// <summary>The generated lines in delivery order, and the labels for the events among them.</summary>
internal sealed record GeneratedStream(IReadOnlyList<StreamLine> Lines)
{
    public IEnumerable<StreamLine> Events => Lines.Where(l => l.IsEvent);

    public string Jsonl()
    {
        var builder = new StringBuilder();
        foreach (var line in Lines)
        {
            builder.Append(line.Text).Append('\n');
        }

        return builder.ToString();
    }

    public string LabelsCsv()
    {
        var builder = new StringBuilder("eventId,attack,scenario\n");
        foreach (var line in Events)
        {
            builder.Append(line.EventId).Append(',').Append(line.Label!.Attack ? '1' : '0').Append(',').Append(line.Label.Scenario).Append('\n');
        }

        return builder.ToString();
    }
}
