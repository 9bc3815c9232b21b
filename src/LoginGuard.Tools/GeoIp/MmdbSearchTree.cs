using System.Net;

namespace LoginGuard.Tools.GeoIp;

/// <summary>
/// The binary search tree over 128-bit addresses. IPv4 networks live under ::/96, where
/// MaxMind's readers start an IPv4 lookup in an IPv6 database.
/// </summary>
internal sealed class MmdbSearchTree
{
    private const int DataSectionSeparatorSize = 16;

    private readonly Node _root = new();

    /// <summary>
    /// Points the network at a data offset. Insert broader networks first: a narrower one then
    /// splits the broader one's leaf and wins for its own addresses.
    /// </summary>
    public void Insert(IPNetwork network, int dataOffset)
    {
        var (bits, prefixLength) = ToIpv6(network);
        var node = _root;
        for (var depth = 0; depth < prefixLength; depth++)
        {
            var side = (bits[depth >> 3] >> (7 - (depth & 7))) & 1;
            if (depth == prefixLength - 1)
            {
                node.Children[side] = new Slot(null, dataOffset);
                return;
            }

            var slot = node.Children[side];
            if (slot.Node is null)
            {
                var child = new Node();
                child.Children[0] = slot;
                child.Children[1] = slot;
                node.Children[side] = new Slot(child, null);
                node = child;
            }
            else
            {
                node = slot.Node;
            }
        }
    }

    /// <summary>Numbers the nodes breadth first; the root is node 0 as the format requires.</summary>
    public IReadOnlyList<Node> NumberNodes()
    {
        var nodes = new List<Node> { _root };
        for (var i = 0; i < nodes.Count; i++)
        {
            nodes[i].Index = i;
            foreach (var slot in nodes[i].Children)
            {
                if (slot.Node is not null)
                {
                    nodes.Add(slot.Node);
                }
            }
        }

        return nodes;
    }

    /// <summary>The smallest record size that can address every node and data offset.</summary>
    public static int RecordSizeFor(long largestRecordValue) => largestRecordValue switch
    {
        < 1L << 24 => 24,
        < 1L << 28 => 28,
        _ => 32,
    };

    public static void Write(Stream stream, IReadOnlyList<Node> nodes, int recordSize)
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
    private static uint RecordValue(Slot slot, uint nodeCount) => slot switch
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

    private static (byte[] Bits, int PrefixLength) ToIpv6(IPNetwork network)
    {
        var address = network.BaseAddress.GetAddressBytes();
        if (address.Length == 16)
        {
            return (address, network.PrefixLength);
        }

        var mapped = new byte[16];
        address.CopyTo(mapped, 12);
        return (mapped, network.PrefixLength + 96);
    }

    internal sealed class Node
    {
        public Slot[] Children { get; } = new Slot[2];

        public int Index { get; set; }
    }

    /// <summary>A record: a child node, a data offset, or neither (no data for these addresses).</summary>
    internal readonly record struct Slot(Node? Node, int? DataOffset);
}
