using LoginGuard.Alerts;
using LoginGuard.Contracts;

namespace LoginGuard.Worker.Replay;

/// <summary>The short summary a replay prints: what came in, what was decided, what mail would go out.</summary>
internal static class ReplayReport
{
    public static void Write(TextWriter output, ReplayTally tally, string outDirectory)
    {
        output.WriteLine($"Replayed {tally.Lines:N0} lines: {tally.Decisions:N0} decisions ({tally.Duplicates:N0} duplicate deliveries), {tally.DeadLetters:N0} dead letters.");
        output.WriteLine();
        output.WriteLine("Events by type and risk level");
        var levels = Enum.GetValues<RiskLevel>();
        output.WriteLine($"  {"type",-18}" + string.Concat(levels.Select(l => $"{l.ToWireName(),8}")));
        foreach (var (type, counts) in tally.ByTypeAndLevel)
        {
            output.WriteLine($"  {type,-18}" + string.Concat(levels.Select(l => $"{counts.GetValueOrDefault(l),8:N0}")));
        }

        Section(output, "Reasons by rule", tally.ReasonsByRule);
        Section(output, "Mail by kind", tally.MailByKind);
        if (tally.FirstMail.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"First {tally.FirstMail.Count} of {tally.MailQueued:N0} mails it would send");
            foreach (var mail in tally.FirstMail)
            {
                output.WriteLine($"  {mail.At.UtcDateTime:yyyy-MM-dd HH:mm}Z  {mail.Kind.ToWireName(),-17} {mail.UserId,-16} {mail.Device} · {mail.Place}");
            }
        }

        Section(output, "Mail owed but not addressable", tally.UnaddressableByReason);
        Section(output, "Dead letters by reason", tally.DeadLettersByReason);
        output.WriteLine();
        output.WriteLine($"Decisions:    {Path.Combine(outDirectory, "decisions.jsonl")}");
        output.WriteLine($"Dead letters: {Path.Combine(outDirectory, "dead-letters.jsonl")}");
        output.WriteLine($"Mail:         {Path.Combine(outDirectory, "outbox")}{Path.DirectorySeparatorChar} ({MailFiles(tally)})");
    }

    private static string MailFiles(ReplayTally tally) => (tally.MailWritten - tally.MailQueued) switch
    {
        0 => $"{tally.MailWritten:N0} .eml",
        > 0 and var summaries => $"{tally.MailWritten:N0} .eml: {tally.MailQueued:N0} queued with decisions, {summaries:N0} {(summaries == 1 ? "summary" : "summaries")} of new-device sign-ins the throttle held",
        var missing => $"{tally.MailWritten:N0} .eml: {-missing:N0} of the {tally.MailQueued:N0} queued with decisions not written; run with --verbose to see why",
    };

    private static void Section(TextWriter output, string title, SortedDictionary<string, long> counts)
    {
        output.WriteLine();
        output.WriteLine(title);
        if (counts.Count == 0)
        {
            output.WriteLine("  (none)");
        }

        foreach (var (key, count) in counts)
        {
            output.WriteLine($"  {key,-34}{count,8:N0}");
        }
    }
}
