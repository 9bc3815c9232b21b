using LoginGuard.Ingestion;
using LoginGuard.State;

namespace LoginGuard.Pipeline;

/// <summary>
/// <c>replay</c>: the present is the replayed stream's own, the median time of its last few admitted events.
/// A high-water mark would follow a single far-future event and then find every later event years late; the
/// median moves only when most of the recent events agree. An event more than
/// <see cref="StateOptions.ReplayAllowedSkew"/> ahead of it is out of the window. Earlier events are not: a
/// replayed file may hold one learner's history after another's (the scenarios do), and an early event cannot
/// move any clock, which only ever advances to an event's time. The first event sets the present: there is
/// nothing to judge it by.
/// </summary>
internal sealed class StreamPresentWindow : IEventTimeWindow
{
    /// <summary>Odd, so the median is an event's own time; five outvote two broken clocks in a row.</summary>
    private const int Recent = 5;

    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> recent = new(Recent);

    public Rejection? Admit(DateTimeOffset occurredAt, StateOptions options)
    {
        lock (gate)
        {
            if (recent.Count > 0)
            {
                var present = Present();
                if (occurredAt - present > options.ReplayAllowedSkew)
                {
                    return EventTimeRejections.Ahead(occurredAt - present, "the replayed stream's present", $"{StateOptions.Section}:{nameof(StateOptions.ReplayAllowedSkew)}", options.ReplayAllowedSkew);
                }
            }

            if (recent.Count == Recent)
            {
                recent.Dequeue();
            }

            recent.Enqueue(occurredAt);
            return null;
        }
    }

    private DateTimeOffset Present()
    {
        var sorted = recent.Order().ToList();
        return sorted[(sorted.Count - 1) / 2];
    }
}
