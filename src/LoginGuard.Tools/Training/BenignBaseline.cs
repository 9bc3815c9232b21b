using LoginGuard.Scoring.Anomaly;

namespace LoginGuard.Tools.Training;

/// <summary>What a legitimate event of each kind looks like, feature by feature: the yardstick reasons are measured against.</summary>
internal static class BenignBaseline
{
    public static Dictionary<string, FeatureBaseline> Of(IEnumerable<TrainingRow> rows) =>
        rows.Where(r => !r.Label)
            .GroupBy(r => FeatureBaseline.KindOf(new LoginFeatures { Features = r.Features }))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Summarise(g.Select(r => r.Features).ToList()), StringComparer.Ordinal);

    private static FeatureBaseline Summarise(List<float[]> vectors)
    {
        var means = new double[LoginFeatures.Count];
        var spreads = new double[LoginFeatures.Count];
        for (var i = 0; i < LoginFeatures.Count; i++)
        {
            var mean = vectors.Average(v => (double)v[i]);
            means[i] = Math.Round(mean, 4);
            spreads[i] = Math.Round(Math.Sqrt(vectors.Average(v => (v[i] - mean) * (v[i] - mean))), 4);
        }

        return new FeatureBaseline(means, spreads);
    }
}
