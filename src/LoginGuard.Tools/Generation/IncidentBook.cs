using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation;

/// <summary>The incidents planned against each learner, kept until the learner's simulation plays them.</summary>
internal sealed class IncidentBook
{
    private readonly Dictionary<Learner, List<Incident>> byLearner = [];

    public void Add(Learner learner, Incident incident)
    {
        if (!byLearner.TryGetValue(learner, out var incidents))
        {
            byLearner[learner] = incidents = [];
        }

        incidents.Add(incident);
    }

    public IReadOnlyList<Incident> For(Learner learner) => byLearner.TryGetValue(learner, out var incidents) ? incidents : [];
}
