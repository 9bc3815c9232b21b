using System.Collections.Concurrent;
using LoginGuard.Contracts;

namespace LoginGuard.Enrichment.UserAgents;

/// <summary>
/// Remembers parsed user agents. Few distinct strings make up most traffic, so a small cache answers nearly
/// every event; when it fills it starts again empty, which is cheaper than tracking use and costs only a
/// brief run of misses.
/// </summary>
internal sealed class UserAgentCache(int capacity)
{
    private ConcurrentDictionary<string, UserAgentInfo> _entries = new(StringComparer.Ordinal);
    private int _count;

    public int Count => Volatile.Read(ref _entries).Count;

    public bool TryGet(string userAgent, out UserAgentInfo info) =>
        Volatile.Read(ref _entries).TryGetValue(userAgent, out info!);

    public void Add(string userAgent, UserAgentInfo info)
    {
        if (!Volatile.Read(ref _entries).TryAdd(userAgent, info))
        {
            return;
        }

        // Swapping in a new dictionary, rather than clearing this one, never blocks readers; threads that
        // race here each swap, which loses a few entries and nothing else.
        if (Interlocked.Increment(ref _count) > capacity)
        {
            Volatile.Write(ref _entries, new ConcurrentDictionary<string, UserAgentInfo>(StringComparer.Ordinal));
            Interlocked.Exchange(ref _count, 0);
        }
    }
}
