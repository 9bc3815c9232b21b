namespace LoginGuard.Tools.GeoIp;

/// <summary>A ranges CSV that cannot become a database; the message names the file and line.</summary>
internal sealed class GeoIpCsvException : Exception
{
    public GeoIpCsvException(string fileName, int lineNumber, string problem)
        : base($"{fileName} line {lineNumber}: {problem}")
    {
        FileName = fileName;
        LineNumber = lineNumber;
    }

    public string FileName { get; }

    public int LineNumber { get; }
}
