using System.Text;

namespace LoginGuard.State;

/// <summary>Reads what <see cref="CompactWriter"/> wrote.</summary>
internal sealed class CompactReader(ReadOnlyMemory<byte> blob) : BinaryReader(new MemoryStream(blob.ToArray(), writable: false), Encoding.UTF8)
{
    public DateTimeOffset Base { get; set; }

    public DateTimeOffset ReadTime() => new(Read7BitEncodedInt64(), TimeSpan.Zero);

    public DateTimeOffset ReadDelta()
    {
        var encoded = (ulong)Read7BitEncodedInt64();
        var zigzag = (encoded & 1) == 0 ? (encoded >> 1) * TimeSpan.TicksPerMillisecond : encoded >> 1;
        var back = (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
        return new DateTimeOffset(Base.UtcTicks - back, TimeSpan.Zero);
    }

    public string ReadKey()
    {
        var header = Read7BitEncodedInt();
        var length = header >> 1;
        var bytes = ReadBytes(length);
        if (bytes.Length != length)
        {
            throw new EndOfStreamException("The learner history ends in the middle of a key.");
        }

        return (header & 1) == 1 ? Convert.ToHexStringLower(bytes) : Encoding.UTF8.GetString(bytes);
    }

    public string? ReadOptionalKey() => ReadBoolean() ? ReadKey() : null;

    public List<T> ReadList<T>(Func<T> read)
    {
        var count = Read7BitEncodedInt();
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(read());
        }

        return list;
    }
}
