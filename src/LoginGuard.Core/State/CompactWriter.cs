using System.Text;

namespace LoginGuard.State;

/// <summary>
/// Binary writing for <see cref="LearnerHistorySerializer"/>. Keys are mostly lower-case hex hashes, so
/// those are packed two characters to a byte; times are distances back from <see cref="Base"/>, in whole
/// milliseconds when they are (one bit says which), so a time costs about five bytes instead of eight.
/// </summary>
internal sealed class CompactWriter(Stream stream, DateTimeOffset @base) : BinaryWriter(stream, Encoding.UTF8, leaveOpen: true)
{
    public DateTimeOffset Base { get; } = @base;

    public void WriteTime(DateTimeOffset at) => Write7BitEncodedInt64(at.UtcTicks);

    public void WriteDelta(DateTimeOffset at)
    {
        var back = Base.UtcTicks - at.UtcTicks;
        var zigzag = (ulong)((back << 1) ^ (back >> 63));
        Write7BitEncodedInt64((long)(zigzag % TimeSpan.TicksPerMillisecond == 0 ? zigzag / TimeSpan.TicksPerMillisecond << 1 : zigzag << 1 | 1));
    }

    /// <summary>Length and kind in one number: even is UTF-8 text, odd is packed hex.</summary>
    public void WriteKey(string key)
    {
        if (key.Length > 0 && key.Length % 2 == 0 && key.All(char.IsAsciiHexDigitLower))
        {
            Write7BitEncodedInt(key.Length / 2 << 1 | 1);
            Write(Convert.FromHexString(key));
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(key);
        Write7BitEncodedInt(bytes.Length << 1);
        Write(bytes);
    }

    public void WriteOptionalKey(string? key)
    {
        Write(key is not null);
        WriteIf(key, WriteKey);
    }

    public void WriteIf<T>(T? value, Action<T> write)
        where T : class
    {
        if (value is not null)
        {
            write(value);
        }
    }

    public void WriteIf<T>(T? value, Action<T> write)
        where T : struct
    {
        if (value is { } present)
        {
            write(present);
        }
    }
}
