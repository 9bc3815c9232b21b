namespace LoginGuard.Tools.Evaluation;

/// <summary>A score given to one event, and whether an attacker caused it.</summary>
internal readonly record struct Scored(double Score, bool Attack);

/// <summary>
/// ROC statistics over scored events. Events with equal scores are always flagged or passed together:
/// a threshold cannot split a tie, so no metric here credits a scorer for an ordering it did not make.
/// </summary>
internal static class RocMetrics
{
    /// <summary>Area under the ROC curve: the chance an attack outscores a legitimate event, ties counting half (Mann–Whitney).</summary>
    public static double Auc(IReadOnlyList<Scored> scored)
    {
        var positives = scored.Count(s => s.Attack);
        var negatives = scored.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var rankSum = 0.0;
        var ordered = scored.OrderBy(s => s.Score).ToList();
        for (var start = 0; start < ordered.Count;)
        {
            var end = start;
            while (end < ordered.Count && ordered[end].Score == ordered[start].Score)
            {
                end++;
            }

            var averageRank = ((start + 1) + end) / 2.0;
            rankSum += averageRank * ordered.Skip(start).Take(end - start).Count(s => s.Attack);
            start = end;
        }

        // In doubles: with 50,000 failed-login attacks, positives·(positives+1) overflows an int.
        return (rankSum - ((double)positives * (positives + 1) / 2)) / ((double)positives * negatives);
    }

    /// <summary>The curve's corners, from flagging nothing to flagging everything, one per distinct score.</summary>
    public static IReadOnlyList<(double Fpr, double Tpr, double Threshold)> Curve(IReadOnlyList<Scored> scored)
    {
        var positives = Math.Max(1, scored.Count(s => s.Attack));
        var negatives = Math.Max(1, scored.Count(s => !s.Attack));
        var points = new List<(double, double, double)> { (0, 0, double.PositiveInfinity) };
        int truePositives = 0, falsePositives = 0;
        foreach (var tie in scored.GroupBy(s => s.Score).OrderByDescending(g => g.Key))
        {
            truePositives += tie.Count(s => s.Attack);
            falsePositives += tie.Count(s => !s.Attack);
            points.Add(((double)falsePositives / negatives, (double)truePositives / positives, tie.Key));
        }

        return points;
    }

    /// <summary>
    /// Precision against recall, one point per distinct score from the highest down: what share of the flagged events
    /// are attacks at each share of attacks caught. With attacks rare among successful sign-ins, it shows what ROC at a
    /// low FPR hides: how many learners are flagged for each attacker.
    /// </summary>
    public static IReadOnlyList<(double Recall, double Precision)> PrecisionRecall(IReadOnlyList<Scored> scored)
    {
        var positives = Math.Max(1, scored.Count(s => s.Attack));
        var points = new List<(double, double)>();
        int truePositives = 0, flagged = 0;
        foreach (var tie in scored.GroupBy(s => s.Score).OrderByDescending(g => g.Key))
        {
            truePositives += tie.Count(s => s.Attack);
            flagged += tie.Count();
            points.Add(((double)truePositives / positives, (double)truePositives / flagged));
        }

        return points;
    }

    /// <summary>The most attacks caught while flagging at most <paramref name="maxFpr"/> of legitimate events, and the threshold that does it.</summary>
    public static (double Tpr, double Threshold) TprAtFpr(IReadOnlyList<Scored> scored, double maxFpr)
    {
        var best = (Tpr: 0.0, Threshold: double.PositiveInfinity);
        foreach (var (fpr, tpr, threshold) in Curve(scored))
        {
            if (fpr <= maxFpr && tpr >= best.Tpr)
            {
                best = (tpr, threshold);
            }
        }

        return best;
    }

    /// <summary>The share of legitimate events at or above <paramref name="threshold"/>: friction for learners who did nothing wrong.</summary>
    public static double FalsePositiveRate(IReadOnlyList<Scored> scored, double threshold)
    {
        var negatives = scored.Count(s => !s.Attack);
        return negatives == 0 ? double.NaN : (double)scored.Count(s => !s.Attack && s.Score >= threshold) / negatives;
    }

    /// <summary>The share of attacks at or above <paramref name="threshold"/>.</summary>
    public static double TruePositiveRate(IReadOnlyList<Scored> scored, double threshold)
    {
        var positives = scored.Count(s => s.Attack);
        return positives == 0 ? double.NaN : (double)scored.Count(s => s.Attack && s.Score >= threshold) / positives;
    }
}
