using System.Net;

namespace LoginGuard.Tools.GeoIp;

/// <summary>Writes MaxMind DB format 2.0 files that MaxMind's own readers open.</summary>
internal static class MmdbWriter
{
    /// <summary>
    /// Writes to a temporary file beside <paramref name="path"/> and renames it into place, so a
    /// worker watching the path never opens a half-written database.
    /// </summary>
    public static void WriteAtomically(string path, MmdbDatabaseInfo info, IEnumerable<MmdbEntry> entries, int minimumRecordSize = 24)
    {
        var fullPath = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                Write(stream, info, entries, minimumRecordSize);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static void Write(Stream stream, MmdbDatabaseInfo info, IEnumerable<MmdbEntry> entries, int minimumRecordSize = 24)
    {
        var tree = new MmdbSearchTree();
        var data = new MmdbDataSection();
        foreach (var entry in entries.OrderBy(e => Ipv6PrefixLength(e.Network)))
        {
            tree.Insert(entry.Network, data.Add(entry.Record));
        }

        tree.AliasIpv4Networks();
        var nodes = tree.NumberNodes();
        var largestRecordValue = (long)nodes.Count + MmdbNodeWriter.DataSectionSeparatorSize + data.Length;
        var recordSize = Math.Max(minimumRecordSize, MmdbNodeWriter.RecordSizeFor(largestRecordValue));

        MmdbNodeWriter.Write(stream, nodes, recordSize);
        stream.Write(new byte[MmdbNodeWriter.DataSectionSeparatorSize]);
        data.CopyTo(stream);
        MmdbMetadata.Write(stream, info, nodes.Count, recordSize);
    }

    private static int Ipv6PrefixLength(IPNetwork network) =>
        network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? network.PrefixLength + 96
            : network.PrefixLength;
}
