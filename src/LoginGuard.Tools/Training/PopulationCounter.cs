using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.Scoring.Anomaly;

namespace LoginGuard.Tools.Training;

/// <summary>
/// Counts, over a training history, the distinct learners behind each browser and network of a
/// legitimate successful sign-in. Attacks are left out: a botnet's network that took over forty
/// accounts must not read as a network forty learners use.
/// </summary>
internal sealed class PopulationCounter
{
    private readonly HashSet<string> learners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> networks = new(StringComparer.Ordinal);

    public void Add(EnrichedEvent enriched, bool attack)
    {
        if (attack || !enriched.Event.IsSuccessfulLogin)
        {
            return;
        }

        var learner = enriched.Keys.Learner;
        learners.Add(learner);
        Learners(agents, Population.AgentFamily(enriched.Device.Agent)).Add(learner);

        // Only ASNs mean the same across deployments; a prefix's key is a hash under this deployment's secret.
        if (StateKeyMaker.IsAsn(enriched.Keys.Network))
        {
            Learners(networks, enriched.Keys.Network).Add(learner);
        }
    }

    public Population Build() => new(learners.Count, Listed(agents), Listed(networks));

    private static HashSet<string> Learners(Dictionary<string, HashSet<string>> counts, string key)
    {
        if (!counts.TryGetValue(key, out var set))
        {
            counts[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }

    /// <summary>Sorted, so the metadata of two identical trainings is byte for byte the same.</summary>
    private static SortedDictionary<string, int> Listed(Dictionary<string, HashSet<string>> counts) =>
        new(counts.Where(c => c.Value.Count >= Population.MinLearners).ToDictionary(c => c.Key, c => c.Value.Count), StringComparer.Ordinal);
}
