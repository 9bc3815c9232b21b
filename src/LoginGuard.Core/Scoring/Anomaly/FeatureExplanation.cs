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
    private const int FirstBehaviorFeature = 3;

    /// <summary>A feature that never varies among legitimate events is still compared on this spread, not divided by zero.</summary>
    private const double SmallestSpread = 0.05;

    private const string LogSuffix = "-log";

    public static IReadOnlyList<(string Name, double Value, double Usual)> MostUnusual(LoginFeatures features, AnomalyModelMetadata metadata, int count)
    {
        if (!metadata.Benign.TryGetValue(FeatureBaseline.KindOf(features), out var baseline))
        {
            return [];
        }

        return Enumerable.Range(FirstBehaviorFeature, LoginFeatures.Count - FirstBehaviorFeature)
            .Select(i => (Index: i, Z: Math.Abs(features.Features[i] - baseline.Mean[i]) / Math.Max(baseline.StdDev[i], SmallestSpread)))
            .Where(x => x.Z >= 1)
            .OrderByDescending(x => x.Z).ThenBy(x => x.Index)
            .Take(count)
            .Select(x => (LoginFeatures.Names[x.Index], (double)features.Features[x.Index], baseline.Mean[x.Index]))
            .ToList();
    }

    /// <summary>Log-scaled features are read back in their own units (km, hours, counts): people do not think in log(1+x).</summary>
    public static string Describe(IReadOnlyList<(string Name, double Value, double Usual)> unusual) =>
        unusual.Count == 0
            ? "nothing stands out"
            : string.Join("; ", unusual.Select(u => u.Name.EndsWith(LogSuffix, StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"{u.Name[..^LogSuffix.Length]} {Unlog(u.Value)} (usually {Unlog(u.Usual)})")
                : string.Create(CultureInfo.InvariantCulture, $"{u.Name} {u.Value:0.##} (usually {u.Usual:0.##})")));

    private static string Unlog(double value)
    {
        var plain = Math.Exp(value) - 1;
        return plain.ToString(plain >= 10 ? "#,0" : "0.#", CultureInfo.InvariantCulture);
    }
}
