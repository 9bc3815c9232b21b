using LoginGuard.Tools.Generation.Devices;

namespace LoginGuard.Tools.Generation.Stream;

/// <summary>
/// Puts events in delivery order and mixes in what a real topic carries besides: a few events a few
/// seconds late, redeliveries of earlier lines, and lines that break the contract.
/// </summary>
internal sealed class StreamAssembler(Random random)
{
    private readonly HashSet<string> usedIds = new(StringComparer.Ordinal);

    public GeneratedStream Assemble(IReadOnlyList<DraftEvent> drafts, int badLines, int duplicates)
    {
        var delivered = drafts
            .Select(draft => (Draft: draft, DeliveredAt: draft.OccurredAt + Lateness()))
            .OrderBy(d => d.DeliveredAt)
            .Select(d => d.Draft)
            .ToList();
        var lines = delivered.Select(d =>
        {
            var id = NewEventId();
            return StreamLine.Event(EventJson.Serialize(EventJson.ToNode(d, id)), id, d.Label);
        }).ToList();

        for (var i = 0; i < duplicates && lines.Count > 1; i++)
        {
            var events = lines.Where(l => l.IsEvent).ToList();
            var original = events[random.Next(events.Count)];
            var at = lines.IndexOf(original) + random.Next(1, 400);
            lines.Insert(Math.Min(at, lines.Count), StreamLine.Duplicate(original));
        }

        for (var i = 0; i < badLines && delivered.Count > 0; i++)
        {
            var kind = (BadLineKind)(i % Enum.GetValues<BadLineKind>().Length);
            var template = EventJson.ToNode(delivered[random.Next(delivered.Count)], NewEventId());
            lines.Insert(random.Next(lines.Count + 1), StreamLine.Bad(BadLines.Create(kind, template, random), kind));
        }

        return new GeneratedStream(lines);
    }

    // Producers on different hosts publish with small delays, so about one event in a hundred arrives seconds late.
    private TimeSpan Lateness() =>
        random.NextDouble() < 0.01 ? TimeSpan.FromMilliseconds(random.Next(1000, 8000)) : TimeSpan.Zero;

    private string NewEventId()
    {
        string id;
        do
        {
            id = "evt_" + DeviceCookies.Hex(random, 12);
        }
        while (!usedIds.Add(id));

        return id;
    }
}
