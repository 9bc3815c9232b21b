using System.Globalization;

namespace LoginGuard.Scoring.Anomaly;

/// <summary>
/// Names what made an event unusual: the features furthest from their mean over legitimate events of
/// the same kind, in standard deviations. Model-agnostic on purpose, so a security engineer reads the
/// same kind of reason whichever trainer made the model.
/// </summary>
internal static class FeatureExplanation
{
    /// <summary>Which kind of event it is says nothing about whether it is unusual.</summary>
    private const int FirstBehaviourFeature = 3;

    /// <summary>A feature that never varies among legitimate events is still compared on this spread, not divided by zero.</summary>
    private const double SmallestSpread = 0.05;

    public static IReadOnlyList<(string Name, double Value, double Usual)> MostUnusual(LoginFeatures features, AnomalyModelMetadata metadata, int count)
    {
        if (!metadata.Benign.TryGetValue(FeatureBaseline.KindOf(features), out var baseline))
        {
            return [];
        }

        return Enumerable.Range(FirstBehaviourFeature, LoginFeatures.Count - FirstBehaviourFeature)
            .Select(i => (Index: i, Z: Math.Abs(features.Features[i] - baseline.Mean[i]) / Math.Max(baseline.StdDev[i], SmallestSpread)))
            .Where(x => x.Z >= 1)
            .OrderByDescending(x => x.Z).ThenBy(x => x.Index)
            .Take(count)
            .Select(x => (LoginFeatures.Names[x.Index], (double)features.Features[x.Index], baseline.Mean[x.Index]))
            .ToList();
    }

    public static string Describe(IReadOnlyList<(string Name, double Value, double Usual)> unusual) =>
        unusual.Count == 0
            ? "nothing stands out"
            : string.Join("; ", unusual.Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Name} {u.Value:0.##} (usually {u.Usual:0.##})")));
}
