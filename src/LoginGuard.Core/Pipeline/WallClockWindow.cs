using LoginGuard.Ingestion;
using LoginGuard.State;

namespace LoginGuard.Pipeline;

/// <summary>
/// <c>run</c>: nothing is dated more than <see cref="StateOptions.AllowedSkew"/> ahead of the worker's clock. No
/// lower bound against the clock: a worker catching up after an outage, or a partition that lags, decides
/// hour-old events that are on time for their stream, and an outage must delay work, never drop it. An event
/// late for its own learner or source is handled where its windows are kept (a failure behind the source's
/// newest by more than <see cref="StateOptions.AllowedLateness"/> plus the failure memory is not remembered).
/// </summary>
internal sealed class WallClockWindow(TimeProvider clock) : IEventTimeWindow
{
    public Rejection? Admit(DateTimeOffset occurredAt, StateOptions options)
    {
        var now = clock.GetUtcNow();
        return occurredAt - now > options.AllowedSkew
            ? EventTimeRejections.Ahead(occurredAt - now, "the worker's clock", $"{StateOptions.Section}:{nameof(StateOptions.AllowedSkew)}", options.AllowedSkew)
            : null;
    }
}
