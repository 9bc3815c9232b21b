using System.Collections.Concurrent;
using LoginGuard.State;

namespace LoginGuard.Pipeline;

/// <summary>
/// Decisions this process handed to the cluster whose publication is not recorded yet. A second delivery of the
/// same event (a producer that sent it twice) can be decided before the first copy's acknowledgement arrives; it goes
/// out after that copy on the same partition, so it is a duplicate although the store cannot say so yet. A process
/// that dies forgets this, and its successor publishes the unrecorded decision as the first copy. Likewise a decision
/// the cluster refused whose event is being parked: a second delivery decided meanwhile is not parked again.
/// </summary>
internal sealed class PublicationsInFlight
{
    /// <summary>Each publication, and whether its event is being parked rather than its decision published.</summary>
    private readonly ConcurrentDictionary<Publication, bool> pending = new();

    /// <summary>Called as the decision is handed over, before the next event of its partition is decided.</summary>
    public void Add(Publication publication) => pending.TryAdd(publication, false);

    /// <summary>The cluster refused the decision for good; its event is on its way to the parking topic instead.</summary>
    public void Parking(Publication publication) => pending[publication] = true;

    /// <summary>Whether the decision is on its way to its consumers.</summary>
    public bool Contains(Publication publication) => pending.TryGetValue(publication, out var parking) && !parking;

    /// <summary>Whether the event is on its way to the parking topic, its parked mark not yet recorded.</summary>
    public bool IsParking(Publication publication) => pending.TryGetValue(publication, out var parking) && parking;

    /// <summary>Published or parked and recorded, or given up (the worker stopping on a fatal error).</summary>
    public void Remove(Publication publication) => pending.TryRemove(publication, out _);
}
