using System.Buffers;

namespace LoginGuard.Tools.GeoIp;

/// <summary>
/// The data section: each distinct record is stored once and every network that carries it
/// points at the same offset, which keeps office and VPN ranges sharing one location small.
/// </summary>
internal sealed class MmdbDataSection
{
    private readonly ArrayBufferWriter<byte> _bytes = new();
    private readonly Dictionary<string, int> _offsets = new(StringComparer.Ordinal);

    public int Length => _bytes.WrittenCount;

    /// <summary>Returns the offset of the record within the data section.</summary>
    public int Add(MmdbMap record)
    {
        var encoded = MmdbDataEncoder.Encode(record);
        var key = Convert.ToBase64String(encoded);
        if (_offsets.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var offset = Length;
        _bytes.Write(encoded);
        _offsets.Add(key, offset);
        return offset;
    }

    public void CopyTo(Stream destination)
    {
        destination.Write(_bytes.WrittenSpan);
    }
}
