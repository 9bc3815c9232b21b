namespace LoginGuard.Enrichment.GeoIp;

/// <summary>
/// Identifies one version of a database file. A rename over the path brings a new modification
/// time and usually a new length, which is all a reload needs to notice.
/// </summary>
internal readonly record struct MaxMindFileStamp(DateTime LastWriteUtc, long Length)
{
    public static MaxMindFileStamp? Of(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? new MaxMindFileStamp(file.LastWriteTimeUtc, file.Length) : null;
    }
}
