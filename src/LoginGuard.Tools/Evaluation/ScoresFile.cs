using System.Globalization;
using System.Text;

namespace LoginGuard.Tools.Evaluation;

/// <summary>
/// scores.csv: every evaluated event with each scorer's score, so a team can look up the attacks a
/// threshold missed and the legitimate events it flagged, which the report only counts.
/// </summary>
internal static class ScoresFile
{
    public const string FileName = "scores.csv";

    public static async Task WriteAsync(IEnumerable<EvaluatedEvent> events, string path, CancellationToken cancellationToken)
    {
        var scorers = Enum.GetValues<Scorer>();
        var csv = new StringBuilder("stream,eventId,kind,attack,scenario,");
        csv.AppendJoin(',', scorers.Select(s => s.ToString())).Append(",rules,modelReason\n");
        foreach (var e in events)
        {
            csv.AppendJoin(',', Quoted(e.Stream), Quoted(e.EventId), e.Kind, e.Attack ? "1" : "0", Quoted(e.Scenario)).Append(',');
            csv.AppendJoin(',', scorers.Select(s => e.Scores[s].ToString("0.######", CultureInfo.InvariantCulture)));
            csv.Append(',').Append(Quoted(e.Rules)).Append(',').Append(Quoted(e.ModelDetail)).Append('\n');
        }

        await File.WriteAllTextAsync(path, csv.ToString(), cancellationToken);
    }

    /// <summary>Event ids, streams and scenarios may hold commas and quotes; every text field is quoted, RFC 4180 style.</summary>
    private static string Quoted(string? text) => text is null ? "" : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
