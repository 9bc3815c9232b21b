using System.Text.RegularExpressions;

namespace LoginGuard.Testing.Deploy;

/// <summary>
/// A Dockerfile as Docker reads it, for the tests that check it and the one that runs its build without an engine:
/// comment lines dropped, continued lines joined, white space folded, instructions grouped by stage.
/// </summary>
internal static partial class Dockerfile
{
    public static IReadOnlyList<string> Instructions(string path)
    {
        var lines = File.ReadAllLines(path).Where(line => !line.TrimStart().StartsWith('#'));
        return Continued().Replace(string.Join('\n', lines), " ")
            .Split('\n')
            .Select(line => Spaces().Replace(line.Trim(), " "))
            .Where(line => line.Length > 0)
            .ToList();
    }

    /// <summary>Each stage's instructions by its name (<c>FROM … AS name</c>).</summary>
    public static IReadOnlyDictionary<string, List<string>> Stages(string path)
    {
        var stages = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var current = new List<string>();
        foreach (var instruction in Instructions(path))
        {
            if (StageStart().Match(instruction) is { Success: true } stage)
            {
                stages[stage.Groups["name"].Value] = current = [];
            }
            else
            {
                current.Add(instruction);
            }
        }

        return stages;
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex Continued();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^FROM \S+ AS (?<name>\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex StageStart();
}
