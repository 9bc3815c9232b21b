using System.Globalization;
using System.Net;

namespace LoginGuard.Tools.GeoIp;

/// <summary>One data line of a ranges CSV; every accessor reports problems with the file and line.</summary>
internal sealed class CsvRangeRow(string fileName, int lineNumber, IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> cells)
{
    public int LineNumber => lineNumber;

    public IPNetwork Network()
    {
        var text = Text("network") ?? throw Problem("network is empty");
        return CidrBlock.Parse(text, out var problem) ?? throw Problem(problem!);
    }

    /// <summary>The trimmed cell, or null when it is empty so the field stays out of the record.</summary>
    public string? Text(string column)
    {
        var cell = cells[columns[column]].Trim();
        return cell.Length == 0 ? null : cell;
    }

    public uint? UInt32(string column, string meaning) =>
        Parse<uint>(column, meaning, text => uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null);

    public ushort? UInt16(string column, string meaning) =>
        Parse<ushort>(column, meaning, text => ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null);

    public double? Double(string column, double minimum, double maximum) =>
        Parse<double>(column, $"a number from {minimum} to {maximum}", text =>
            double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)
            && v >= minimum && v <= maximum ? v : null);

    public GeoIpCsvException Problem(string problem) => new(fileName, lineNumber, problem);

    private T? Parse<T>(string column, string meaning, Func<string, T?> parse)
        where T : struct
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        return parse(text) ?? throw Problem($"{column} '{text}' is not {meaning}");
    }
}
