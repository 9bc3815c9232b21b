using System.Collections;

namespace LoginGuard.Tools.GeoIp;

/// <summary>
/// A MaxMind DB map whose keys keep the order they were added in, so the same input always
/// encodes to the same bytes and identical records deduplicate.
/// </summary>
internal sealed class MmdbMap : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _entries = [];

    public int Count => _entries.Count;

    public void Add(string key, object value) => _entries.Add(new(key, value));

    /// <summary>Adds the value unless it is missing, so empty CSV cells leave the key out.</summary>
    public void AddIfPresent(string key, object? value)
    {
        if (value is not null)
        {
            Add(key, value);
        }
    }

    /// <summary>Adds the nested map unless it ended up empty.</summary>
    public void AddIfNotEmpty(string key, MmdbMap value)
    {
        if (value.Count > 0)
        {
            Add(key, value);
        }
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
