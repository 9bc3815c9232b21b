using LoginGuard.Tools.Generation.Devices;

namespace LoginGuard.Tools.Generation.Stream;

/// <summary>
/// Puts events in delivery order and mixes in what a real topic carries besides: a few events a few
/// seconds late, redeliveries of earlier lines, and lines that break the contract.
/// </summary>
internal sealed class StreamAssembler(Random random)
{
    private static readonly TimeSpan MaxLateness = TimeSpan.FromSeconds(8);

    private readonly HashSet<string> usedIds = new(StringComparer.Ordinal);

    public GeneratedStream Assemble(IReadOnlyList<DraftEvent> drafts, int badLines, int duplicates)
    {
        var delivered = drafts.OrderBy(d => d.OccurredAt).ToList();
        DeliverSomeLate(delivered);
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

    // Producers on different hosts publish with small delays, so now and then an event is delivered after
    // one that happened a few seconds later; only events that close together can swap places.
    private void DeliverSomeLate(List<DraftEvent> events)
    {
        for (var i = 0; i + 1 < events.Count; i++)
        {
            if (events[i + 1].OccurredAt - events[i].OccurredAt <= MaxLateness && random.NextDouble() < 0.05)
            {
                (events[i], events[i + 1]) = (events[i + 1], events[i]);
                i++;
            }
        }
    }

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
