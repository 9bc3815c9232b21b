using System.Net;

namespace LoginGuard.Tools.GeoIp;

/// <summary>
/// The binary search tree over 128-bit addresses. IPv4 networks live under ::/96, where
/// MaxMind's readers start an IPv4 lookup in an IPv6 database.
/// </summary>
internal sealed class MmdbSearchTree
{
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
            var side = Bit(bits, depth);
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

    /// <summary>
    /// Leads ::ffff:0:0/96 (IPv4-mapped) and 2002::/16 (6to4) into the IPv4 subtree as MaxMind's
    /// own databases do, so readers that do not unmap such addresses still find IPv4 networks.
    /// Call after the last insert; a prefix that already holds networks keeps them.
    /// </summary>
    public void AliasIpv4Networks()
    {
        var ipv4Root = _root;
        for (var depth = 0; depth < 96 && ipv4Root is not null; depth++)
        {
            ipv4Root = ipv4Root.Children[0].Node;
        }

        if (ipv4Root is not null)
        {
            Alias(IPNetwork.Parse("::ffff:0:0/96"), ipv4Root);
            Alias(IPNetwork.Parse("2002::/16"), ipv4Root);
        }
    }

    /// <summary>Numbers the nodes breadth first; the root is node 0 as the format requires.</summary>
    public IReadOnlyList<Node> NumberNodes()
    {
        var nodes = new List<Node> { _root };
        var seen = new HashSet<Node> { _root };
        for (var i = 0; i < nodes.Count; i++)
        {
            nodes[i].Index = i;
            foreach (var slot in nodes[i].Children)
            {
                // Aliases make the IPv4 subtree reachable twice; it is still written once.
                if (slot.Node is not null && seen.Add(slot.Node))
                {
                    nodes.Add(slot.Node);
                }
            }
        }

        return nodes;
    }

    private void Alias(IPNetwork network, Node target)
    {
        var bits = network.BaseAddress.GetAddressBytes();
        var node = _root;
        for (var depth = 0; depth < network.PrefixLength; depth++)
        {
            var side = Bit(bits, depth);
            var slot = node.Children[side];
            var last = depth == network.PrefixLength - 1;
            if (slot.DataOffset is not null || (last && slot.Node is not null))
            {
                return;
            }

            if (last)
            {
                node.Children[side] = new Slot(target, null);
                return;
            }

            if (slot.Node is null)
            {
                node.Children[side] = new Slot(new Node(), null);
            }

            node = node.Children[side].Node!;
        }
    }

    private static int Bit(byte[] bits, int depth) => (bits[depth >> 3] >> (7 - (depth & 7))) & 1;

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
