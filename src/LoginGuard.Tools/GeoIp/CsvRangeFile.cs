using System.Net;

namespace LoginGuard.Tools.GeoIp;

/// <summary>
/// Reads a ranges CSV: a header row naming the columns (any order), then one network per line.
/// Blank lines are skipped; everything else must parse, because a silently dropped VPN range
/// would make its users look like they sign in from somewhere else.
/// </summary>
internal static class CsvRangeFile
{
    public static IEnumerable<CsvRangeRow> Read(string path, IReadOnlyList<string> requiredColumns)
    {
        var fileName = Path.GetFileName(path);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new GeoIpCsvException(fileName, 1, $"the file is empty; expected a header row '{string.Join(',', requiredColumns)}'");
        var columns = ReadHeader(fileName, header, requiredColumns);
        var seen = new Dictionary<IPNetwork, int>();

        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = CsvLine.Split(line);
            if (cells.Count != columns.Count)
            {
                throw new GeoIpCsvException(fileName, lineNumber, $"expected {columns.Count} columns like the header, found {cells.Count}");
            }

            var row = new CsvRangeRow(fileName, lineNumber, columns, cells);
            var network = row.Network();
            if (!seen.TryAdd(network, lineNumber))
            {
                throw row.Problem($"network '{network}' is already listed on line {seen[network]}");
            }

            yield return row;
        }
    }

    private static Dictionary<string, int> ReadHeader(string fileName, string header, IReadOnlyList<string> requiredColumns)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var names = CsvLine.Split(header);
        for (var i = 0; i < names.Count; i++)
        {
            if (!columns.TryAdd(names[i].Trim(), i))
            {
                throw new GeoIpCsvException(fileName, 1, $"column '{names[i].Trim()}' appears twice in the header");
            }
        }

        var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new GeoIpCsvException(fileName, 1,
                $"the header lacks {string.Join(", ", missing.Select(c => $"'{c}'"))}; expected '{string.Join(',', requiredColumns)}'");
        }

        return columns;
    }
}
