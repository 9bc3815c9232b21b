using LoginGuard.Scoring.Anomaly;
using LoginGuard.Tools.Training;

namespace LoginGuard.Tools.Evaluation;

/// <summary>
/// <c>loginguard evaluate</c>: replays each labelled stream once, deciding and recording each event as the
/// worker would (its rules file with the model among the rules), and scores every event with the
/// baselines side by side.
/// </summary>
internal static class EvaluationRun
{
    public static async Task<List<EvaluatedEvent>> ScoreAsync(
        IReadOnlyList<(string Events, string Labels)> streams, ReplayEnvironment environment, CancellationToken cancellationToken)
    {
        var model = environment.Model;
        var rulesOnly = environment.RulesOnly;
        var evaluated = new List<EvaluatedEvent>();
        foreach (var (events, labelsFile) in streams)
        {
            var labels = LabelFile.Read(labelsFile);
            var freeman = new FreemanScorer();
            var stream = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(events))) + "/" + Path.GetFileName(events);
            await EventReplay.RunAsync(events, environment, model.Metadata.Population, step =>
            {
                var likelihood = freeman.Score(step.Enriched);
                freeman.Record(step.Enriched);
                if (labels.TryGetValue(step.Enriched.Event.EventId, out var label))
                {
                    evaluated.Add(new EvaluatedEvent(stream, step.Enriched.Event.EventId, FeatureBaseline.KindOf(step.Features), label.Attack, label.Scenario, new Dictionary<Scorer, double>
                    {
                        [Scorer.Combined] = step.Decision.Score,
                        [Scorer.RulesOnly] = rulesOnly.Assess(step.Enriched, step.Snapshot).Score,
                        [Scorer.Freeman] = double.IsPositiveInfinity(likelihood) ? 1 : likelihood / (1 + likelihood),
                        [Scorer.ModelAlone] = model.Score(step.Features),
                    },
                    string.Join(' ', step.Decision.Reasons.Where(r => r.Rule != AnomalyModelRule.RuleId && !r.Simulated).Select(r => r.Rule)),
                    step.Decision.Reasons.FirstOrDefault(r => r.Rule == AnomalyModelRule.RuleId && r.Score > 0)?.Detail));
                }
            }, cancellationToken);
        }

        return evaluated;
    }
}
