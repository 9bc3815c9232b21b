using MaxMind.Db;

namespace LoginGuard.Enrichment.GeoIp;

/// <summary>
/// A reader shared by in-flight lookups. The database file holds one reference while the
/// reader is current and each lookup holds one while it runs, so a replaced reader's memory
/// map is released only after its last lookup finishes: never under a running lookup, and
/// without guessing a grace period.
/// </summary>
internal sealed class MaxMindReaderHandle(Reader reader, MaxMindFileStamp stamp)
{
    private int _references = 1;

    public Reader Reader => reader;

    public MaxMindFileStamp Stamp => stamp;

    /// <summary>False once the reader has been released; the caller then takes the current one.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var references = Volatile.Read(ref _references);
            if (references == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, references + 1, references) == references)
            {
                return true;
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            reader.Dispose();
        }
    }
}
