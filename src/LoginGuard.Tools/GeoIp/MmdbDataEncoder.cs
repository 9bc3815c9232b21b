using System.Buffers.Binary;
using System.Text;

namespace LoginGuard.Tools.GeoIp;

/// <summary>
/// Encodes values in the MaxMind DB data section format: a control byte holding the type and
/// size, an extended-type byte for types above 7, then size bytes and the payload.
/// </summary>
internal static class MmdbDataEncoder
{
    private const int Utf8String = 2;
    private const int Double = 3;
    private const int Uint16 = 5;
    private const int Uint32 = 6;
    private const int Map = 7;
    private const int Uint64 = 9;
    private const int Array = 11;

    public static byte[] Encode(object value)
    {
        using var stream = new MemoryStream();
        Write(stream, value);
        return stream.ToArray();
    }

    public static void Write(Stream stream, object value)
    {
        switch (value)
        {
            case string text:
                var bytes = Encoding.UTF8.GetBytes(text);
                WriteControl(stream, Utf8String, bytes.Length);
                stream.Write(bytes);
                break;
            case double number:
                WriteControl(stream, Double, 8);
                Span<byte> buffer = stackalloc byte[8];
                BinaryPrimitives.WriteDoubleBigEndian(buffer, number);
                stream.Write(buffer);
                break;
            case ushort number:
                WriteUnsigned(stream, Uint16, number);
                break;
            case uint number:
                WriteUnsigned(stream, Uint32, number);
                break;
            case ulong number:
                WriteUnsigned(stream, Uint64, number);
                break;
            case MmdbMap map:
                WriteControl(stream, Map, map.Count);
                foreach (var (key, item) in map)
                {
                    Write(stream, key);
                    Write(stream, item);
                }
                break;
            case IReadOnlyList<object> items:
                WriteControl(stream, Array, items.Count);
                foreach (var item in items)
                {
                    Write(stream, item);
                }
                break;
            default:
                throw new ArgumentException(
                    $"A MaxMind DB value cannot be a {value.GetType().Name}; use string, double, ushort, uint, ulong, MmdbMap or a list.",
                    nameof(value));
        }
    }

    // Unsigned integers are stored big-endian without leading zero bytes; zero takes no payload.
    private static void WriteUnsigned(Stream stream, int type, ulong number)
    {
        var length = (64 - System.Numerics.BitOperations.LeadingZeroCount(number) + 7) / 8;
        WriteControl(stream, type, length);
        for (var shift = (length - 1) * 8; shift >= 0; shift -= 8)
        {
            stream.WriteByte((byte)(number >> shift));
        }
    }

    private static void WriteControl(Stream stream, int type, int size)
    {
        var typeBits = type <= 7 ? type << 5 : 0;
        var extended = type > 7;
        if (size < 29)
        {
            stream.WriteByte((byte)(typeBits | size));
            WriteExtendedType(stream, type, extended);
        }
        else if (size < 29 + 256)
        {
            stream.WriteByte((byte)(typeBits | 29));
            WriteExtendedType(stream, type, extended);
            stream.WriteByte((byte)(size - 29));
        }
        else if (size < 285 + 65_536)
        {
            stream.WriteByte((byte)(typeBits | 30));
            WriteExtendedType(stream, type, extended);
            var rest = size - 285;
            stream.WriteByte((byte)(rest >> 8));
            stream.WriteByte((byte)rest);
        }
        else
        {
            stream.WriteByte((byte)(typeBits | 31));
            WriteExtendedType(stream, type, extended);
            var rest = size - 65_821;
            stream.WriteByte((byte)(rest >> 16));
            stream.WriteByte((byte)(rest >> 8));
            stream.WriteByte((byte)rest);
        }
    }

    private static void WriteExtendedType(Stream stream, int type, bool extended)
    {
        if (extended)
        {
            stream.WriteByte((byte)(type - 7));
        }
    }
}
