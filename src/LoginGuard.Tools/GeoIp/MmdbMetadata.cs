using System.Text;

namespace LoginGuard.Tools.GeoIp;

/// <summary>The metadata map that closes the file, found by readers through its marker.</summary>
internal static class MmdbMetadata
{
    private static readonly byte[] Marker = [0xAB, 0xCD, 0xEF, .. Encoding.ASCII.GetBytes("MaxMind.com")];

    public static void Write(Stream stream, MmdbDatabaseInfo info, int nodeCount, int recordSize)
    {
        var metadata = new MmdbMap
        {
            { "binary_format_major_version", (ushort)2 },
            { "binary_format_minor_version", (ushort)0 },
            { "build_epoch", (ulong)info.BuildTime.ToUnixTimeSeconds() },
            { "database_type", info.DatabaseType },
            { "description", new MmdbMap { { "en", info.Description } } },
            { "ip_version", (ushort)6 },
            { "languages", new object[] { "en" } },
            { "node_count", (uint)nodeCount },
            { "record_size", (ushort)recordSize },
        };
        stream.Write(Marker);
        MmdbDataEncoder.Write(stream, metadata);
    }
}
