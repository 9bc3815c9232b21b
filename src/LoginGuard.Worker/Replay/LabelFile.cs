namespace LoginGuard.Worker.Replay;

/// <summary>What the generator (or a team's incident records) says each event was: <c>eventId,attack,scenario</c> with a header row.</summary>
internal sealed record EventLabel(bool Attack, string Scenario);

internal static class LabelFile
{
    public static IReadOnlyDictionary<string, EventLabel> Read(string path)
    {
        var labels = new Dictionary<string, EventLabel>(StringComparer.Ordinal);
        foreach (var (line, number) in File.ReadLines(path).Select((line, i) => (line, i + 1)).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 3 || fields[1] is not ("0" or "1"))
            {
                throw new FormatException($"{path}:{number}: expected eventId,attack(0|1),scenario but found '{line}'.");
            }

            labels[fields[0]] = new EventLabel(fields[1] == "1", fields[2]);
        }

        return labels;
    }
}
