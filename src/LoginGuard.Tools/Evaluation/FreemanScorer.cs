using LoginGuard.Contracts;

namespace LoginGuard.Tools.Evaluation;

/// <summary>
/// The statistical baseline of Freeman et al., "Who Are You? A Statistical Approach to Measuring User
/// Authenticity" (NDSS 2016), as read in docs/detection.md:
/// S = p(u|A)/p(u|L) · Πₖ p(xₖ|A)/p(xₖ|u,L) over two feature families, each smoothed over a hierarchy
/// (IP→ASN→country, weights .6/.3/.1; user agent→browser→OS→device type, .539/.268/.188/.005).
/// p(x|u,L) is the weighted share of the learner's successful sign-ins that match x at each level;
/// p(x|A) is the same weighted share over every learner's successful sign-ins (the attacker-agnostic
/// global estimate), floored at one sign-in's worth when no learner has seen x. A value the learner
/// has never seen at any level contributes ×4. Only successful sign-ins build the histories.
/// </summary>
internal sealed class FreemanScorer
{
    public const double UnseenFactor = 4;

    private static readonly double[] IpWeights = [0.6, 0.3, 0.1];
    private static readonly double[] AgentWeights = [0.539, 0.268, 0.188, 0.005];

    private readonly Dictionary<string, History> learners = new(StringComparer.Ordinal);
    private readonly History everyone = new();

    /// <summary>The likelihood ratio S: above 1 the event looks more like an attacker than like this learner.</summary>
    public double Score(EnrichedEvent enriched)
    {
        if (everyone.SignIns == 0)
        {
            return 1;
        }

        var learner = learners.GetValueOrDefault(enriched.Event.UserId) ?? new History();
        var known = learners.Count;
        var userRatio = (1.0 / known) / ((learner.SignIns + 1.0) / (everyone.SignIns + known));
        return userRatio * Factor(IpValues(enriched), IpWeights, learner) * Factor(AgentValues(enriched), AgentWeights, learner);
    }

    /// <summary>A successful sign-in joins the learner's history and the global one.</summary>
    public void Record(EnrichedEvent enriched)
    {
        if (!enriched.Event.IsSuccessfulLogin)
        {
            return;
        }

        if (!learners.TryGetValue(enriched.Event.UserId, out var learner))
        {
            learners[enriched.Event.UserId] = learner = new History();
        }

        foreach (var history in new[] { learner, everyone })
        {
            history.Add(IpValues(enriched));
            history.Add(AgentValues(enriched));
            history.SignIns++;
        }
    }

    /// <summary>p(x|A) / p(x|u,L) for one family, or <see cref="UnseenFactor"/> when the learner has seen x at no level.</summary>
    public double Factor(string[] values, double[] weights, History learner)
    {
        var local = learner.SignIns == 0 ? 0 : learner.WeightedShare(values, weights);
        if (local == 0)
        {
            return UnseenFactor;
        }

        var global = Math.Max(everyone.WeightedShare(values, weights), 1.0 / (everyone.SignIns + 1));
        return global / local;
    }

    public static string[] IpValues(EnrichedEvent enriched) =>
        ["ip:" + enriched.Event.Ip, "asn:" + (enriched.Geo.Asn?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"), "cc:" + (enriched.Geo.CountryIso ?? "?")];

    public static string[] AgentValues(EnrichedEvent enriched)
    {
        var agent = enriched.Device.Agent;
        return ["ua:" + (enriched.Event.UserAgent ?? ""), $"browser:{agent.BrowserFamily}/{agent.BrowserMajor}", "os:" + agent.OsFamily, "device:" + agent.DeviceType];
    }

    /// <summary>Counts of each value seen at each level, over some set of successful sign-ins.</summary>
    internal sealed class History
    {
        private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);

        public int SignIns { get; set; }

        public void Add(string[] values)
        {
            foreach (var value in values)
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }

        public double WeightedShare(string[] values, double[] weights) =>
            SignIns == 0 ? 0 : values.Zip(weights, (value, weight) => weight * counts.GetValueOrDefault(value) / SignIns).Sum();
    }
}
