using System.Text.Json.Nodes;
using LoginGuard.Privacy;

namespace LoginGuard.State;

/// <summary>The learner's part of in-process behavior state: history, decisions, and their failed sign-ins in every address's and network's activity.</summary>
internal sealed partial class InMemoryBehaviorStore : ILearnerData
{
    public Task<JsonObject> ExportAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(BehaviorExport.Of(
                learner.UserId, learners.GetValueOrDefault(learner.Learner), [.. DecisionKeysOf(learner.Learner).Select(key => decisions[key])], tombstones.GetValueOrDefault(learner.Learner)));
        }
    }

    public Task ForgetAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            learners.Remove(learner.Learner);
            foreach (var key in DecisionKeysOf(learner.Learner))
            {
                decisions.Remove(key);
                published.Remove(key);
                parked.Remove(key);
            }

            foreach (var (key, activity) in sources.ToList())
            {
                sources[key] = new SourceActivity([.. activity.Failures.Where(f => f.Key != learner.Learner)]);
            }
        }

        return Task.CompletedTask;
    }

    private List<string> DecisionKeysOf(string learner) =>
        [.. decisions.Keys.Where(k => k.StartsWith(BehaviorBatch.DecisionKey(learner, ""), StringComparison.Ordinal))];
}
