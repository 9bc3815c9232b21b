using System.Collections.Concurrent;
using LoginGuard.State;

namespace LoginGuard.Pipeline;

/// <summary>
/// Decisions this process handed to the cluster whose publication is not recorded yet. A second delivery of the
/// same event (a producer that sent it twice) can be decided before the first copy's acknowledgement arrives; it goes
/// out after that copy on the same partition, so it is a duplicate although the store cannot say so yet. A process
/// that dies forgets this, and its successor publishes the unrecorded decision as the first copy.
/// </summary>
internal sealed class PublicationsInFlight
{
    private readonly ConcurrentDictionary<Publication, byte> pending = new();

    /// <summary>Called as the decision is handed over, before the next event of its partition is decided.</summary>
    public void Add(Publication publication) => pending.TryAdd(publication, 0);

    public bool Contains(Publication publication) => pending.ContainsKey(publication);

    /// <summary>Published and recorded, or given up (refused, or the worker stopping on a fatal error).</summary>
    public void Remove(Publication publication) => pending.TryRemove(publication, out _);
}
