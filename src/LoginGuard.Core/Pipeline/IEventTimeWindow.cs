using LoginGuard.Ingestion;
using LoginGuard.State;

namespace LoginGuard.Pipeline;

/// <summary>
/// The envelope an event's time must fall in before it may touch state: around the stream's present, so one
/// event dated years ahead (a client with a broken clock) cannot age a learner's devices or failures out of
/// memory. The present is the wall clock in <c>run</c> and the replayed stream's own in <c>replay</c>.
/// </summary>
internal interface IEventTimeWindow
{
    /// <summary>Null when the event may be decided (and the present learns from it), else why it is dead-lettered.</summary>
    Rejection? Admit(DateTimeOffset occurredAt, StateOptions options);
}
