namespace LoginGuard.Tools.GeoIp;

/// <summary>
/// Writes numbered tree nodes as pairs of big-endian records. A 28-bit node keeps the top four
/// bits of each record in its middle byte: the left record's in the high nibble.
/// </summary>
internal static class MmdbNodeWriter
{
    public const int DataSectionSeparatorSize = 16;

    /// <summary>The smallest record size that can address every node and data offset.</summary>
    public static int RecordSizeFor(long largestRecordValue) => largestRecordValue switch
    {
        < 1L << 24 => 24,
        < 1L << 28 => 28,
        _ => 32,
    };

    public static void Write(Stream stream, IReadOnlyList<MmdbSearchTree.Node> nodes, int recordSize)
    {
        var nodeCount = (uint)nodes.Count;
        Span<byte> buffer = stackalloc byte[8];
        foreach (var node in nodes)
        {
            var left = RecordValue(node.Children[0], nodeCount);
            var right = RecordValue(node.Children[1], nodeCount);
            var length = EncodeNode(buffer, left, right, recordSize);
            stream.Write(buffer[..length]);
        }
    }

    // An empty record holds node_count; a data record holds its offset past the tree and separator.
    private static uint RecordValue(MmdbSearchTree.Slot slot, uint nodeCount) => slot switch
    {
        { Node: { } child } => (uint)child.Index,
        { DataOffset: { } offset } => nodeCount + DataSectionSeparatorSize + (uint)offset,
        _ => nodeCount,
    };

    private static int EncodeNode(Span<byte> buffer, uint left, uint right, int recordSize)
    {
        switch (recordSize)
        {
            case 24:
                WriteBigEndian(buffer[..3], left);
                WriteBigEndian(buffer[3..6], right);
                return 6;
            case 28:
                WriteBigEndian(buffer[..3], left);
                buffer[3] = (byte)(((left >> 20) & 0xF0) | ((right >> 24) & 0x0F));
                WriteBigEndian(buffer[4..7], right);
                return 7;
            case 32:
                WriteBigEndian(buffer[..4], left);
                WriteBigEndian(buffer[4..8], right);
                return 8;
            default:
                throw new ArgumentOutOfRangeException(nameof(recordSize), recordSize, "Record size must be 24, 28 or 32 bits.");
        }
    }

    private static void WriteBigEndian(Span<byte> destination, uint value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)value;
            value >>= 8;
        }
    }
}
