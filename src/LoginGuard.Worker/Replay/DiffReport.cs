namespace LoginGuard.Worker.Replay;

/// <summary>The summary <c>replay --rules FILE --diff</c> prints: what the candidate rules would change.</summary>
internal static class DiffReport
{
    public static void Write(TextWriter output, ReplayDiff diff, string diffPath)
    {
        output.WriteLine();
        output.WriteLine($"Candidate {diff.CandidateVersion} against current {diff.CurrentVersion}: {diff.Changed:N0} of {diff.Compared:N0} decisions differ.");
        Section(output, "Mail by kind", diff.MailByKind);
        output.WriteLine();
        output.WriteLine("Levels moved");
        if (diff.LevelMoves.Count == 0)
        {
            output.WriteLine("  (none)");
        }

        foreach (var (move, count) in diff.LevelMoves)
        {
            output.WriteLine($"  {move,-34}{count,8:N0}");
        }

        Section(output, "Reasons by rule", diff.ReasonsByRule);
        if (diff.Labelled)
        {
            Section(output, "Attacks at medium+, by scenario", diff.AttacksFlagged);
            Section(output, "Legitimate events at medium+", diff.LegitimateFlagged == default
                ? new SortedDictionary<string, (long, long)>(StringComparer.Ordinal)
                : new SortedDictionary<string, (long, long)>(StringComparer.Ordinal) { ["legitimate"] = diff.LegitimateFlagged });
        }

        output.WriteLine();
        output.WriteLine($"Differences:  {diffPath}");
    }

    private static void Section(TextWriter output, string title, SortedDictionary<string, (long Added, long Removed)> counts)
    {
        output.WriteLine();
        output.WriteLine($"{title,-36}{"added",8}{"removed",9}");
        if (counts.Count == 0)
        {
            output.WriteLine("  (none)");
        }

        foreach (var (key, (added, removed)) in counts)
        {
            output.WriteLine($"  {key,-34}{added,8:N0}{removed,9:N0}");
        }
    }
}
